package io.github.lrjakarta.testkit.internal;

import java.util.List;

/** A user's membership of an org, with its permissions. */
record Membership(String id, Org org, List<String> permissions) {
}
