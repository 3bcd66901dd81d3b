package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.IssuedLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal LoginRocket Web: {@code GET/POST /login} (a form with stable element ids {@code email},
 * {@code password}, {@code submit}; then {@code code} for MFA users) that redirects to
 * {@code redirect_uri} with {@code ?token=<JWT>} appended, and {@code GET /logout} that ends the
 * session and redirects (to {@code /login} by default). A session cookie {@code lr_session} lets a
 * second visit to {@code /login} redirect at once unless {@code prompt=login}.
 */
final class WebPages {

    static final String COOKIE = "lr_session";

    private final RealmState realm;

    WebPages(RealmState realm) {
        this.realm = realm;
    }

    boolean handles(String path) {
        return path.equals("/login") || path.equals("/logout");
    }

    void handle(Call call) {
        Map<String, String> params = params(call);
        if (call.path().equals("/logout")) {
            if (!call.method().equals("GET") && !call.method().equals("POST")) {
                methodNotAllowed(call);
                return;
            }
            logout(call, params);
            return;
        }
        String redirect = params.get("redirect_uri");
        if (redirect != null && !redirect.isEmpty() && !redirectAllowed(redirect)) {
            call.html(400, page(call, "<p id=\"error\">" + esc(Messages.get(call.locale(), "web.redirect.invalid")) + "</p>"));
            return;
        }
        switch (call.method()) {
            case "GET" -> showLogin(call, params, redirect);
            case "POST" -> submitLogin(call, params, redirect);
            default -> methodNotAllowed(call);
        }
    }

    private static void methodNotAllowed(Call call) {
        call.setHeader("Allow", "GET, POST");
        call.html(405, "<!DOCTYPE html><title>405</title><p>Method not allowed</p>");
    }

    private void showLogin(Call call, Map<String, String> params, String redirect) {
        String cookieSession = cookie(call, COOKIE);
        if (cookieSession != null && !"login".equals(params.get("prompt")) && realm.isActive(cookieSession)) {
            finish(call, realm.completeWebLogin(cookieSession, params.get("account")), redirect);
            return;
        }
        call.html(200, loginForm(call, params, null));
    }

    private void submitLogin(Call call, Map<String, String> params, String redirect) {
        LoginOutcome result;
        try {
            if (params.get("mfa_token") != null) {
                result = realm.verifyLogin(params.get("mfa_token"), params.get("code"), params.get("account"), call.client());
            } else {
                result = realm.login(params.get("email"), params.get("password"), params.get("account"), call.client());
            }
        } catch (ApiError e) {
            String message = Messages.get(call.locale(), e.messages().get(0).key(), e.messages().get(0).args());
            call.html(422, loginForm(call, params, message));
            return;
        }
        String sessionId;
        if (result instanceof LoginOutcome.CodeNeeded code) {
            call.html(200, codeForm(call, params, code.pendingToken()));
            return;
        } else if (result instanceof LoginOutcome.FullLogin full) {
            sessionId = full.sessionId();
        } else {
            sessionId = ((LoginOutcome.AccountNeeded) result).sessionId();
        }
        finish(call, realm.completeWebLogin(sessionId, params.get("account")), redirect);
    }

    private void finish(Call call, IssuedLogin login, String redirect) {
        call.addHeader("Set-Cookie", COOKIE + "=" + login.sessionId() + "; Path=/; HttpOnly; SameSite=Lax");
        if (redirect == null || redirect.isEmpty()) {
            call.html(200, page(call, "<p id=\"done\">" + esc(Messages.get(call.locale(), "web.login.done")) + "</p>"));
            return;
        }
        call.redirect(appendToken(redirect, login.token()));
    }

    private void logout(Call call, Map<String, String> params) {
        String session = params.get("session");
        realm.endSession(session != null ? session : cookie(call, COOKIE));
        call.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        String redirect = params.get("redirect_uri");
        call.redirect(redirect != null && !redirect.isEmpty() && redirectAllowed(redirect) ? redirect : "/login");
    }

    /** Adds {@code token=} to a URL, keeping its query and fragment. */
    static String appendToken(String url, String token) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String sep = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + sep + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + fragment;
    }

    /** An absolute http(s) URL, and one of the realm's redirect prefixes when it has any. */
    private boolean redirectAllowed(String redirect) {
        try {
            URI uri = new URI(redirect);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return false;
            }
        } catch (URISyntaxException e) {
            return false;
        }
        List<String> prefixes = realm.realm().redirectUris();
        return prefixes.isEmpty() || prefixes.stream().anyMatch(redirect::startsWith);
    }

    private static Map<String, String> params(Call call) {
        Map<String, String> out = new HashMap<>();
        call.query().forEach((k, v) -> out.put(k, v.get(0)));
        if (call.method().equals("POST") && call.contentType().equals("application/x-www-form-urlencoded")) {
            Call.parseForm(new String(call.body(), StandardCharsets.UTF_8)).forEach((k, v) -> out.put(k, v.get(0)));
        }
        return out;
    }

    private static String cookie(Call call, String name) {
        List<String> values = call.headers().get("cookie");
        if (values == null) {
            return null;
        }
        for (String header : values) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    String value = p.substring(name.length() + 1);
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    private String loginForm(Call call, Map<String, String> params, String error) {
        Locale l = call.locale();
        StringBuilder form = new StringBuilder();
        if (error != null) {
            form.append("<p id=\"error\" role=\"alert\">").append(esc(error)).append("</p>\n");
        }
        form.append("<form id=\"login\" method=\"post\" action=\"/login\">\n")
                .append(hidden(params, "redirect_uri")).append(hidden(params, "account"))
                .append("<label for=\"email\">").append(esc(Messages.get(l, "web.login.email"))).append("</label>\n")
                .append("<input id=\"email\" name=\"email\" type=\"text\" autocomplete=\"username\" value=\"")
                .append(esc(params.getOrDefault("email", ""))).append("\">\n")
                .append("<label for=\"password\">").append(esc(Messages.get(l, "web.login.password"))).append("</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">\n")
                .append("<button id=\"submit\" type=\"submit\">").append(esc(Messages.get(l, "web.login.submit")))
                .append("</button>\n</form>");
        return page(call, form.toString());
    }

    private String codeForm(Call call, Map<String, String> params, String mfaToken) {
        String form = "<form id=\"verify\" method=\"post\" action=\"/login\">\n"
                + hidden(params, "redirect_uri") + hidden(params, "account")
                + "<input type=\"hidden\" name=\"mfa_token\" value=\"" + esc(mfaToken) + "\">\n"
                + "<label for=\"code\">Code</label>\n"
                + "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\">\n"
                + "<button id=\"submit\" type=\"submit\">" + esc(Messages.get(call.locale(), "web.login.submit"))
                + "</button>\n</form>";
        return page(call, form);
    }

    private static String hidden(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">\n";
    }

    private String page(Call call, String content) {
        String title = esc(Messages.get(call.locale(), "web.login.title")) + " · " + esc(realm.realm().name());
        return "<!DOCTYPE html>\n<html lang=\"" + call.locale().getLanguage() + "\">\n<head><meta charset=\"utf-8\">"
                + "<title>" + title + "</title></head>\n<body>\n<h1 id=\"title\">" + title + "</h1>\n" + content
                + "\n</body>\n</html>\n";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
