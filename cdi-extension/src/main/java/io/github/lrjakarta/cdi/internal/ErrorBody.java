package io.github.lrjakarta.cdi.internal;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;

/** The LoginRocket error shape: {@code {"result":"error","error":"…","errors":["…"]}}. */
final class ErrorBody {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private ErrorBody() {}

    static String json(String message) {
        return JSON.createObjectBuilder()
                .add("result", "error")
                .add("error", message)
                .add("errors", JSON.createArrayBuilder().add(message))
                .build()
                .toString();
    }
}
