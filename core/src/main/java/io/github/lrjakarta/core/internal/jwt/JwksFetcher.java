package io.github.lrjakarta.core.internal.jwt;

import java.io.IOException;

/** Fetches the raw key set. Implementations bound time and size. */
public interface JwksFetcher {

    /**
     * Fetches the key set body.
     *
     * @throws IOException on any failure: transport, timeout, status, content type or size
     */
    byte[] fetch() throws IOException;

    /** Where the keys come from, for messages (a URI; never secret). */
    String describe();
}
