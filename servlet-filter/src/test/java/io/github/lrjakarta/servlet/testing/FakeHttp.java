package io.github.lrjakarta.servlet.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * In-memory {@link HttpServletRequest}, {@link HttpServletResponse} and {@link ServletContext} for
 * unit tests of filters, initializers and container mechanisms.
 *
 * <p>Only the parts filters use are implemented: method, URL parts, headers (names ignoring case,
 * several values per name), query parameters, attributes, status, redirects, cookies and a
 * character body. Anything else throws {@link UnsupportedOperationException} naming the method, so
 * a test notices when code under test starts depending on something the fake does not model.
 *
 * <pre>{@code
 * FakeHttp.Request req = FakeHttp.request("OPTIONS", "https://api.example.com/v1/items")
 *         .header("Origin", "https://app.example.com");
 * FakeHttp.Response res = FakeHttp.response();
 * }</pre>
 *
 * <p>The one set of servlet fakes for the project's unit tests: servlet-filter publishes it in its
 * test-jar ({@code <type>test-jar</type>}, scope test), and cdi-extension's tests use it too. (The
 * benchmarks keep allocation-free fakes of their own: there the fake is part of what is measured.)
 *
 * <p>Not thread-safe, like the real objects.
 */
public final class FakeHttp {

    private FakeHttp() {}

    /**
     * A request for an absolute URL: scheme, server name, port (the scheme's default when absent),
     * path and query come from it; the context path is empty.
     */
    public static Request request(String method, String url) {
        return new Request(method, URI.create(url));
    }

    /** A fresh response: status 200, no headers, not committed. */
    public static Response response() {
        return new Response();
    }

    /** A servlet context with these context-params; see {@link Context}. */
    public static Context context(Map<String, String> initParams) {
        return new Context(initParams);
    }

    private static <T> T unsupported(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return "FakeHttp unsupported " + type.getSimpleName();
                    }
                    throw new UnsupportedOperationException(
                            "FakeHttp does not implement " + type.getSimpleName() + "." + method.getName());
                }));
    }

    private static Map<String, List<String>> headerMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** A fake request; the {@code with…}/{@link #header} methods return {@code this}. */
    public static final class Request extends HttpServletRequestWrapper {

        private String method;
        private final URI uri;
        private final Map<String, List<String>> headers = headerMap();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final List<String> headerReads = new ArrayList<>();
        private ServletContext servletContext;

        Request(String method, URI uri) {
            super(unsupported(HttpServletRequest.class));
            this.method = method;
            this.uri = uri;
        }

        /** Adds a header value (a second call with the same name adds a second value). */
        public Request header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Adds {@code Authorization: Bearer <token>}. */
        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** The context {@link #getServletContext()} answers (without one, that call throws). */
        public Request servletContext(ServletContext context) {
            this.servletContext = context;
            return this;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext != null ? servletContext : super.getServletContext();
        }

        /** Replaces the method. */
        public Request method(String newMethod) {
            this.method = newMethod;
            return this;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getScheme() {
            return uri.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }

        @Override
        public String getServerName() {
            return uri.getHost();
        }

        @Override
        public int getServerPort() {
            if (uri.getPort() >= 0) {
                return uri.getPort();
            }
            return isSecure() ? 443 : 80;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getServletPath() {
            return getRequestURI();
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getRequestURI() {
            String path = uri.getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }

        @Override
        public StringBuffer getRequestURL() {
            String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
            return new StringBuffer(uri.getScheme() + "://" + uri.getHost() + port + getRequestURI());
        }

        @Override
        public String getQueryString() {
            return uri.getRawQuery();
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    lists.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            lists.forEach((k, v) -> result.put(k, v.toArray(new String[0])));
            return Collections.unmodifiableMap(result);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        /**
         * The names given to {@link #getHeader}, in order, repeats included: what the code under test
         * looked up (or, as often, did not).
         */
        public List<String> headerReads() {
            return List.copyOf(headerReads);
        }

        @Override
        public String getHeader(String name) {
            headerReads.add(name);
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Collections.enumeration(headers.getOrDefault(name, List.of()));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(new ArrayList<>(headers.keySet()));
        }

        @Override
        public Cookie[] getCookies() {
            List<Cookie> cookies = new ArrayList<>();
            for (String line : headers.getOrDefault("Cookie", List.of())) {
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.add(new Cookie(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()));
                    }
                }
            }
            return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(new ArrayList<>(attributes.keySet()));
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }

        @Override
        public String toString() {
            return "FakeHttp.Request[" + method + " " + uri + ", headers=" + headers + "]";
        }
    }

    /**
     * A fake {@link ServletContext}: context-params, attributes, the context path (default empty),
     * the class loader (default the test's) and listeners added as instances (handed to {@link
     * #onAddListener}). Its other methods throw, naming the method. The setters return {@code this};
     * {@link #asServletContext()} is the context itself, which follows later changes, those of the
     * context-param map included.
     */
    public static final class Context {

        private final Map<String, String> initParams;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private String contextPath = "";
        private ClassLoader classLoader = FakeHttp.class.getClassLoader();
        private Consumer<EventListener> onAddListener = listener -> {};
        private final ServletContext servletContext;

        Context(Map<String, String> initParams) {
            this.initParams = initParams;
            this.servletContext = (ServletContext) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, args) -> answer(proxy, method.getName(), args));
        }

        /** The context path, such as {@code "/shop"}. */
        public Context contextPath(String path) {
            this.contextPath = path;
            return this;
        }

        /** The application's class loader ({@code getClassLoader()}). */
        public Context classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** What {@code addListener(listener)} does with a listener instance; default: nothing. */
        public Context onAddListener(Consumer<EventListener> action) {
            this.onAddListener = action;
            return this;
        }

        public ServletContext asServletContext() {
            return servletContext;
        }

        private Object answer(Object proxy, String method, Object[] args) {
            switch (method) {
                case "getInitParameter":
                    return initParams.get((String) args[0]);
                case "getInitParameterNames":
                    return Collections.enumeration(initParams.keySet());
                case "getContextPath":
                    return contextPath;
                case "getClassLoader":
                    return classLoader;
                case "getAttribute":
                    return attributes.get((String) args[0]);
                case "getAttributeNames":
                    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
                case "setAttribute":
                    if (args[1] == null) {
                        attributes.remove((String) args[0]);
                    } else {
                        attributes.put((String) args[0], args[1]);
                    }
                    return null;
                case "removeAttribute":
                    attributes.remove((String) args[0]);
                    return null;
                case "addListener":
                    if (args[0] instanceof EventListener listener) {
                        onAddListener.accept(listener);
                        return null;
                    }
                    break;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "FakeHttp.Context[" + contextPath + ", params=" + initParams.keySet() + "]";
                default:
                    break;
            }
            throw new UnsupportedOperationException("FakeHttp does not implement ServletContext." + method);
        }
    }

    /** A fake response that records what was set. */
    public static final class Response extends HttpServletResponseWrapper {

        private int status = SC_OK;
        private final Map<String, List<String>> headers = headerMap();
        private final List<Cookie> cookies = new ArrayList<>();
        private final StringWriter body = new StringWriter();
        private PrintWriter writer;
        private String contentType;
        private String characterEncoding = "ISO-8859-1";
        private String redirect;
        private String errorMessage;
        private boolean committed;

        Response() {
            super(unsupported(HttpServletResponse.class));
        }

        /** The body written through {@link #getWriter()}. */
        public String body() {
            if (writer != null) {
                writer.flush();
            }
            return body.toString();
        }

        /** The location given to {@link #sendRedirect(String)}, or {@code null}. */
        public String redirect() {
            return redirect;
        }

        /** The message given to {@link #sendError(int, String)}, or {@code null}. */
        public String errorMessage() {
            return errorMessage;
        }

        /** Cookies added, in order. */
        public List<Cookie> cookies() {
            return List.copyOf(cookies);
        }

        /** All values of a header, in the order they were added; empty if none. */
        public List<String> headerValues(String name) {
            return List.copyOf(headers.getOrDefault(name, List.of()));
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
        public void sendError(int sc) {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) {
            checkNotCommitted();
            status = sc;
            errorMessage = msg;
            committed = true;
        }

        @Override
        public void sendRedirect(String location) {
            checkNotCommitted();
            status = SC_FOUND;
            redirect = location;
            setHeader("Location", location);
            committed = true;
        }

        private void checkNotCommitted() {
            if (committed) {
                throw new IllegalStateException("response already committed");
            }
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name);
        }

        @Override
        public String getHeader(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return headerValues(name);
        }

        @Override
        public Collection<String> getHeaderNames() {
            return List.copyOf(headers.keySet());
        }

        @Override
        public void setHeader(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                List<String> values = new ArrayList<>();
                values.add(value);
                headers.put(name, values);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookies.add(cookie);
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
        public void setCharacterEncoding(String charset) {
            characterEncoding = charset;
        }

        @Override
        public String getCharacterEncoding() {
            return characterEncoding;
        }

        @Override
        public void setContentLength(int len) {
            setHeader("Content-Length", Integer.toString(len));
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(body);
            }
            return writer;
        }

        @Override
        public boolean isCommitted() {
            return committed;
        }

        @Override
        public void flushBuffer() {
            committed = true;
        }

        @Override
        public String toString() {
            return "FakeHttp.Response[" + status + ", headers=" + headers + "]";
        }
    }
}
