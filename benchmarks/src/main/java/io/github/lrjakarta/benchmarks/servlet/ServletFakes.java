package io.github.lrjakarta.benchmarks.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lean servlet request and response for every servlet-side benchmark: the filter against its
 * no-op baseline, and the CORS contenders (no filter, {@code CorsPolicy}, Tomcat's {@code
 * CorsFilter}), so that their costs differ only by what the code under test itself does.
 *
 * <p>They are not the unit tests' {@code FakeHttp} (servlet-filter's test-jar) on purpose: here the
 * fake is part of what is measured. Headers live in small arrays scanned with an ASCII
 * case-insensitive comparison, as Tomcat's own {@code MimeHeaders} does (a table-free loop rather
 * than {@link String#equalsIgnoreCase}, whose Unicode case tables measured several times slower
 * and would charge every contender for the fake rather than for its own work). Attributes sit in
 * arrays too. {@link Request#clear()} and {@link Response#clear()} empty them in O(1) without
 * allocating, and run in the baselines too. {@code FakeHttp} favours fidelity instead (sorted maps,
 * query parsing, cookies), which would cost more than the filter's own untouched path. Methods
 * the code under test is not expected to call throw, so a change that started relying on something
 * unmodelled fails the setup check loudly instead of being measured against a no-op.
 */
public final class ServletFakes {

    private ServletFakes() {}

    private static <T> T unsupported(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    /** ASCII case-insensitive equality of two header names. */
    private static boolean sameName(String a, String b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && lower(x) != lower(y)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The index of the first of the first {@code count} names that is {@code name} (ignoring ASCII case), or -1. */
    private static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (sameName(names[i], name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An immutable-header https request on port 443 to the server its {@code Host} header names, no
     * query, servlet path = request URI (the {@code "/"} mapping style), empty context path.
     */
    public static final class Request extends HttpServletRequestWrapper {
        private final String method;
        private final String path;
        private final String serverName;
        private final String[] names;
        private final String[] values;
        private final String[] attributeNames = new String[16];
        private final Object[] attributeValues = new Object[16];
        private int attributes;

        public Request(String method, String path, String... headerPairs) {
            super(unsupported(HttpServletRequest.class));
            this.method = method;
            this.path = path;
            names = new String[headerPairs.length / 2];
            values = new String[headerPairs.length / 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = headerPairs[2 * i];
                values[i] = headerPairs[2 * i + 1];
            }
            String host = getHeader("Host");
            if (host == null) {
                throw new IllegalArgumentException("a Host header is required: the server name comes from it");
            }
            this.serverName = host;
        }

        /** Forgets attributes set by the previous invocation. */
        public void clear() {
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
            int i = indexOf(names, names.length, name);
            return i < 0 ? null : values[i];
        }

        @Override
        public String getContentType() {
            return getHeader("Content-Type");
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getServerName() {
            return serverName;
        }

        @Override
        public int getServerPort() {
            return 443;
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
        public Object getAttribute(String name) {
            for (int i = 0; i < attributes; i++) {
                if (attributeNames[i].equals(name)) {
                    return attributeValues[i];
                }
            }
            return null;
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
    }

    /** A response that records headers, status and content type; never committed. */
    public static final class Response extends HttpServletResponseWrapper {
        private final String[] names = new String[32];
        private final String[] values = new String[32];
        private int count;
        private int status = 200;
        private String contentType;

        public Response() {
            super(unsupported(HttpServletResponse.class));
        }

        /** Forgets what the previous invocation wrote, as a fresh response would. */
        public void clear() {
            count = 0;
            status = 200;
            contentType = null;
        }

        /** A cheap digest of what was written, returned to JMH so nothing is dead code. */
        public int digest() {
            return status * 31 + count;
        }

        /** Header value for a self-check, or null. */
        public String header(String name) {
            return getHeader(name);
        }

        /** How many header lines were written (a second value of a name counts again), for a self-check. */
        public int headerCount() {
            return count;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public boolean containsHeader(String name) {
            return indexOf(names, count, name) >= 0;
        }

        @Override
        public String getHeader(String name) {
            int i = indexOf(names, count, name);
            return i < 0 ? null : values[i];
        }

        @Override
        public Collection<String> getHeaders(String name) {
            List<String> result = new ArrayList<>(2);
            for (int i = 0; i < count; i++) {
                if (sameName(names[i], name)) {
                    result.add(values[i]);
                }
            }
            return result;
        }

        @Override
        public void setHeader(String name, String value) {
            int i = indexOf(names, count, name);
            if (i < 0) {
                addHeader(name, value);
            } else {
                // A later duplicate of the same name would survive; the contenders never add one first.
                values[i] = value;
            }
        }

        @Override
        public void addHeader(String name, String value) {
            names[count] = name;
            values[count++] = value;
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void resetBuffer() {
            // No body is ever written in these benchmarks.
        }
    }
}
