package io.github.lrjakarta.testkit.internal;

import jakarta.json.JsonObject;

/** An org (account) of the emulated realm. */
record Org(String id, String name, String reference, JsonObject custom) {
}
