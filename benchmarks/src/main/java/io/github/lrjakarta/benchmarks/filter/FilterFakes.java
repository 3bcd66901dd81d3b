package io.github.lrjakarta.benchmarks.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;

/**
 * Lean servlet request and response for the filter benchmarks, shared by the filter and its
 * no-op baseline. Headers live in a small array scanned with {@code equalsIgnoreCase}, as Tomcat's
 * {@code MimeHeaders} does. Methods the filter is not expected to call on these paths throw, so a
 * change that started calling something unmodelled fails the setup check instead of being timed
 * against a no-op.
 */
final class FilterFakes {

    private FilterFakes() {}

    private static <T> T unsupported(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(FilterFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    /** A request to https://app.example.com with fixed headers, servlet path "/" mapping style. */
    static final class Request extends HttpServletRequestWrapper {
        private final String method;
        private final String path;
        private final String[] names;
        private final String[] values;
        /** A few attributes in arrays, so that neither contender pays for a map the real containers would not use alike. */
        private final String[] attributeNames = new String[4];
        private final Object[] attributeValues = new Object[4];
        private int attributes;

        Request(String method, String path, String... headerPairs) {
            super(unsupported(HttpServletRequest.class));
            this.method = method;
            this.path = path;
            names = new String[headerPairs.length / 2];
            values = new String[headerPairs.length / 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = headerPairs[2 * i];
                values[i] = headerPairs[2 * i + 1];
            }
        }

        /** Forgets the attributes set by the previous invocation. */
        void clear() {
            for (int i = 0; i < attributes; i++) {
                attributeNames[i] = null;
                attributeValues[i] = null;
            }
            attributes = 0;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getHeader(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getServerName() {
            return "app.example.com";
        }

        @Override
        public void setAttribute(String name, Object value) {
            for (int i = 0; i < attributes; i++) {
                if (attributeNames[i].equals(name)) {
                    attributeValues[i] = value;
                    return;
                }
            }
            attributeNames[attributes] = name;
            attributeValues[attributes++] = value;
        }

        @Override
        public Object getAttribute(String name) {
            for (int i = 0; i < attributes; i++) {
                if (attributeNames[i].equals(name)) {
                    return attributeValues[i];
                }
            }
            return null;
        }
    }

    /**
     * A response that keeps the one header the filter may add on the measured paths ({@code Vary},
     * which the CORS policy sets on every response once some origin is allowed) and counts
     * everything else done to it, which the filter must not do there.
     */
    static final class Response extends HttpServletResponseWrapper {
        int touched;
        String vary;

        Response() {
            super(unsupported(HttpServletResponse.class));
        }

        /** Forgets the {@code Vary} of the previous invocation, as a fresh response would. */
        void clear() {
            vary = null;
        }

        @Override
        public boolean containsHeader(String name) {
            return vary != null && "Vary".equalsIgnoreCase(name);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return vary != null && "Vary".equalsIgnoreCase(name) ? List.of(vary) : List.of();
        }

        @Override
        public void setHeader(String name, String value) {
            touched++;
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Vary".equalsIgnoreCase(name) && vary == null) {
                vary = value;
            } else {
                touched++;
            }
        }

        @Override
        public void setStatus(int sc) {
            touched++;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
