package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.AccessDeniedException;
import io.github.lrjakarta.core.ClientErrorException;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.NotFoundException;
import io.github.lrjakarta.core.ProtocolException;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.ServerException;
import io.github.lrjakarta.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status-first mapping of raw responses, without a network. */
class ResponseMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-03T17:04:00Z");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String SESSION = "kss_2Qm8pLr5TzV1aXc9Hn4Wb0";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2ln";

    private final ResponseMapper mapper = new ResponseMapper(new JsonCodec(), "https://x.example/", 4096);
    private final ResponseMapper.Exchange post = new ResponseMapper.Exchange("POST", "/v2/login", 1);

    private static RawResponse raw(int status, String contentType, String body) {
        return new RawResponse(status, contentType, "rq_abc", null, null, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private LoginResult ok(String body) {
        return mapper.map(post, raw(200, JSON, body), NOW);
    }

    private LoginRocketException fail(RawResponse r) {
        return catchThrowableOfType(() -> mapper.map(post, r, NOW), LoginRocketException.class);
    }

    @Test
    void fullLogin() {
        LoginResult s = ok("{\"result\":\"full_login\",\"session\":\"" + SESSION
                + "\",\"account\":\"org_7\",\"token\":\"" + TOKEN + "\",\"hint\":1}");
        assertThat(s.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(s.sessionId()).contains(SESSION);
        assertThat(s.account()).contains("org_7");
        assertThat(s.token()).contains(TOKEN);
        assertThat(s.conditions()).isEmpty();
        assertThat(s.requestId()).isEqualTo("rq_abc");
        assertThat(s.body().getInt("hint")).isEqualTo(1);
    }

    @Test
    void conditionalLoginWithNullAccount() {
        LoginResult s = ok("{\"result\":\"conditional_login\",\"session\":\"" + SESSION
                + "\",\"account\":null,\"conditions\":[\"no_account_selected\"]}");
        assertThat(s.type()).isEqualTo(LoginResult.Type.CONDITIONAL_LOGIN);
        assertThat(s.account()).isEmpty();
        assertThat(s.token()).isEmpty();
        assertThat(s.conditions()).containsExactly("no_account_selected");
    }

    @Test
    void okay() {
        assertThat(ok("{\"result\":\"okay\"}").type()).isEqualTo(LoginResult.Type.OKAY);
    }

    @Test
    void status215IsToleratedAsMetadataOnly() {
        assertThat(mapper.map(post, raw(215, null, ""), NOW).type()).isEqualTo(LoginResult.Type.OKAY);
        LoginResult s = mapper.map(post, raw(215, JSON, "{\"more_results\":false}"), NOW);
        assertThat(s.type()).isEqualTo(LoginResult.Type.OKAY);
        assertThat(s.status()).isEqualTo(215);
        assertThat(s.body().getBoolean("more_results")).isFalse();
        // with a result it is read like any 2xx
        assertThat(mapper.map(post, raw(215, JSON, "{\"result\":\"full_login\",\"session\":\"s\",\"token\":\"t\"}"), NOW)
                        .type())
                .isEqualTo(LoginResult.Type.FULL_LOGIN);
    }

    @Test
    void validationErrorsCarryLocalizedMessages() {
        ValidationException e = (ValidationException) fail(raw(422, JSON,
                "{\"result\":\"error\",\"error\":\"Error al iniciar sesión.\",\"errors\":[\"Error al iniciar sesión.\",\"Otra.\"]}"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.requestId()).isEqualTo("rq_abc");
        assertThat(e.messages()).containsExactly("Error al iniciar sesión.", "Otra.");
        assertThat(e.getMessage()).contains("POST /v2/login", "422", "rq_abc", "Error al iniciar sesión.", "Show these");
        assertThat(fail(raw(409, JSON, "{\"result\":\"error\",\"error\":\"Conflict.\"}")))
                .isInstanceOf(ValidationException.class)
                .extracting(LoginRocketException::messages)
                .isEqualTo(List.of("Conflict."));
        assertThat(fail(raw(422, JSON, "{\"result\":\"error\"}")).getMessage()).contains("without a message");
    }

    @Test
    void errorResultInA2xxIsStillAnError() {
        LoginRocketException e = fail(raw(200, JSON, "{\"result\":\"error\",\"errors\":[\"Login failed.\"]}"));
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.messages()).containsExactly("Login failed.");
    }

    @Test
    void validationBodyThatIsNotJsonIsAProtocolError() {
        assertThat(fail(raw(422, "text/html", "<h1>Unprocessable</h1>"))).isInstanceOf(ProtocolException.class)
                .extracting(LoginRocketException::status).isEqualTo(422);
    }

    @Test
    void statusPicksTheExceptionWhateverTheBody() {
        assertThat(fail(raw(403, JSON, "{\"result\":\"error\",\"errors\":[\"Session expired.\"]}")))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(e.messages()).containsExactly("Session expired."));
        assertThat(fail(raw(404, "text/html", "<html>nope</html>"))).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(e.messages()).isEmpty())
                .hasMessageContaining("https://x.example/");
        assertThat(fail(raw(502, "text/html", "<html>Bad gateway</html>"))).isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(e.status()).isEqualTo(502));
        assertThat(fail(raw(500, JSON, "{not json"))).isInstanceOf(ServerException.class);
        assertThat(fail(raw(400, JSON, "{\"result\":\"error\",\"error\":\"Bad.\"}")))
                .isInstanceOf(ClientErrorException.class)
                .satisfies(e -> assertThat(e.messages()).containsExactly("Bad."));
        assertThat(fail(raw(415, null, ""))).isInstanceOf(ClientErrorException.class);
        assertThat(fail(raw(302, null, ""))).isInstanceOf(ProtocolException.class).hasMessageContaining("redirect");
    }

    @Test
    void rateLimitedReadsRetryAfterThenRatelimitReset() {
        RateLimitedException a = (RateLimitedException) fail(new RawResponse(429, JSON, "rq_1", "3", "Tue, 03 Mar 2026 17:05:00 GMT",
                "{\"result\":\"error\",\"errors\":[\"Too many requests.\"]}".getBytes(StandardCharsets.UTF_8), false));
        assertThat(a.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(a.messages()).containsExactly("Too many requests.");
        assertThat(a.getMessage()).contains("429", "rq_1", "3 s", "Retry-After");

        RateLimitedException b = (RateLimitedException) fail(
                new RawResponse(429, null, null, null, "Tue, 03 Mar 2026 17:05:00 GMT", new byte[0], false));
        assertThat(b.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(b.requestId()).isNull();
        assertThat(b.getMessage()).contains("Ratelimit-Reset", "no request id");

        RateLimitedException c = (RateLimitedException) fail(new RawResponse(429, null, "rq_2", null, null, new byte[0], false));
        assertThat(c.retryAfter()).isEmpty();
        assertThat(c.getMessage()).contains("named no wait time");
    }

    @Test
    void successBodiesMustBeTheJsonThatTheApiPromises() {
        assertThat(fail(raw(200, "text/html", "<html>login</html>"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("text/html").hasMessageContaining("https://x.example/");
        assertThat(fail(raw(200, null, "{\"result\":\"okay\"}"))).isInstanceOf(ProtocolException.class);
        assertThat(fail(raw(200, JSON, "{\"result\":\"okay\""))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not a JSON object");
        assertThat(fail(raw(200, JSON, "[1,2]"))).isInstanceOf(ProtocolException.class);
        assertThat(fail(raw(200, JSON, ""))).isInstanceOf(ProtocolException.class);
        assertThat(fail(raw(200, JSON, "{\"session\":\"x\"}"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("no string 'result'");
        assertThat(fail(raw(200, JSON, "{\"result\":\"half_login\"}"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("half_login");
        assertThat(fail(raw(200, JSON, "{\"result\":\"full_login\",\"session\":\"" + SESSION + "\"}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("lacks");
        assertThat(fail(raw(200, JSON, "{\"result\":\"conditional_login\",\"conditions\":\"x\"}")))
                .isInstanceOf(ProtocolException.class);
        assertThat(fail(raw(200, JSON, "{\"result\":\"okay\",\"session\":42}"))).isInstanceOf(ProtocolException.class);
        assertThat(mapper.map(post, raw(200, "application/vnd.lr+json", "{\"result\":\"okay\"}"), NOW).type())
                .isEqualTo(LoginResult.Type.OKAY);
    }

    @Test
    void oversizedBodiesAreProtocolErrorsOnlyWhereTheBodyMatters() {
        RawResponse big200 = new RawResponse(200, JSON, "rq_big", null, null, new byte[0], true);
        assertThat(fail(big200)).isInstanceOf(ProtocolException.class).hasMessageContaining("maxResponseBytes (4096");
        RawResponse big503 = new RawResponse(503, "text/html", "rq_big", null, null, new byte[0], true);
        assertThat(fail(big503)).isInstanceOf(ServerException.class);
    }

    @Test
    void messagesNeverEchoTheSecretsOfASuccessfulLookingBody() {
        LoginRocketException e = fail(raw(200, JSON, "{\"result\":\"full_login\",\"session\":\"" + SESSION
                + "\",\"token\":[\"" + TOKEN + "\"]}"));
        assertThat(e).isInstanceOf(ProtocolException.class);
        assertThat(e.getMessage()).doesNotContain(SESSION).doesNotContain(TOKEN);
    }

    @Test
    void laterAttemptsAreNamedInMessages() {
        ResponseMapper.Exchange third = new ResponseMapper.Exchange("GET", "/v2/session", 3);
        assertThatThrownBy(() -> mapper.map(third, raw(503, JSON, "{}"), NOW))
                .hasMessageContaining("GET /v2/session (attempt 3) with 503");
    }

    /** Found by ResponseMapperFuzzTest: the wait named in the message overflowed Duration.toMillis(). */
    @Test
    void anAbsurdRetryAfterIsStillARateLimitedException() {
        RawResponse r = new RawResponse(429, JSON, "rq_abc", "999999999999999999", null, new byte[0], false);
        RateLimitedException e = catchThrowableOfType(() -> mapper.map(post, r, NOW), RateLimitedException.class);
        assertThat(e.retryAfter()).contains(WaitTimes.LONGEST);
        assertThat(e.getMessage()).contains("1000000000 s (Retry-After)");
    }
}
