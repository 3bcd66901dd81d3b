package io.github.lrjakarta.cdi;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HttpServletRequest for Weld SE tests: headers (case-insensitive) and attributes. */
final class FakeHttpRequest {

    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();

    FakeHttpRequest header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    FakeHttpRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    FakeHttpRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                FakeHttpRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHeader":
                            return headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "FakeHttpRequest" + headers.keySet();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
