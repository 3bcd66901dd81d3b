package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fuzzes the client's reading of LoginRocket's answers ({@link ResponseMapper}): status, {@code
 * Content-Type}, {@code X-Request-ID}, {@code Retry-After}, {@code Ratelimit-Reset} and the body,
 * all chosen by whoever sits between the application and LoginRocket. Regression inputs live under
 * {@code ResponseMapperFuzzTestInputs/<method>/}.
 *
 * <p>Invariants: {@code map} returns a success or throws a {@link LoginRocketException}, nothing
 * else; a success of type full login carries a session and a token; the exception message carries
 * no control character (it becomes a log line) and never the session id or token the body held;
 * a wait time, when there is one, is not negative; {@link ResponseMapper#requestedWait} never throws.
 */
class ResponseMapperFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-03T17:04:00Z");
    private static final String SESSION = "kss_SeCrEtSeSsIoN0123456789";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.SeCrEtSiGnAtUrE0123456789";
    private static final String[] CONTENT_TYPES = {
        "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json",
        "text/html", "text/plain", "application/jsonx", ""
    };
    private static final String[] RESULTS = {"full_login", "conditional_login", "okay", "error", "other", ""};

    private final ResponseMapper mapper = new ResponseMapper(new JsonCodec(), "https://x.example/", 4096);

    @FuzzTest(maxDuration = "3m")
    void anyResponse(FuzzedDataProvider data) {
        int status = data.consumeBoolean() ? data.pickValue(new int[] {200, 201, 215, 403, 404, 409, 422, 429, 500, 502, 503})
                : data.consumeInt(0, 999);
        String contentType = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : nullable(data, 60);
        String requestId = nullable(data, 100);
        String retryAfter = data.consumeBoolean() ? digitsOrDate(data) : nullable(data, 40);
        String ratelimitReset = data.consumeBoolean() ? digitsOrDate(data) : nullable(data, 40);
        boolean oversized = data.consumeInt(0, 15) == 0;
        byte[] body;
        if (data.consumeBoolean()) {
            // LoginRocket-shaped JSON with hostile members spliced in
            String json = "{\"result\":\"" + data.pickValue(RESULTS) + "\",\"session\":\"" + SESSION
                    + "\",\"token\":\"" + TOKEN + "\",\"" + data.consumeString(12) + "\":" + data.consumeRemainingAsString() + "}";
            body = json.getBytes(StandardCharsets.UTF_8);
        } else {
            body = data.consumeRemainingAsBytes();
        }
        RawResponse r = new RawResponse(status, contentType, requestId, retryAfter, ratelimitReset,
                oversized ? new byte[0] : body, oversized);
        ResponseMapper.Exchange ex = new ResponseMapper.Exchange("POST", "/v2/login", 1);

        Optional<Duration> wait = ResponseMapper.requestedWait(r, NOW);
        wait.ifPresent(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ZERO));

        LoginResult[] out = new LoginResult[1];
        Throwable t = catchThrowable(() -> out[0] = mapper.map(ex, r, NOW));
        if (t == null) {
            LoginResult s = out[0];
            assertThat(status).isBetween(200, 299);
            assertThat(s.type()).isNotNull();
            assertThat(s.conditions()).isNotNull().doesNotContainNull();
            if (s.type() == LoginResult.Type.FULL_LOGIN) {
                assertThat(s.sessionId()).isPresent();
                assertThat(s.token()).isPresent();
            }
            return;
        }
        assertThat(t).isInstanceOf(LoginRocketException.class);
        LoginRocketException e = (LoginRocketException) t;
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage())
                .doesNotContainPattern("\\p{Cntrl}")
                .doesNotContain(SESSION)
                .doesNotContain("SeCrEtSiGnAtUrE");
        assertThat(e.messages()).allSatisfy(m -> assertThat(m).doesNotContainPattern("\\p{Cntrl}"));
        if (e instanceof RateLimitedException rl) {
            rl.retryAfter().ifPresent(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ZERO));
        }
    }

    private static String nullable(FuzzedDataProvider data, int max) {
        return data.consumeBoolean() ? null : data.consumeString(max);
    }

    /** The shapes the wait-time parser has branches for: digits of any length, or an HTTP-date. */
    private static String digitsOrDate(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return Long.toUnsignedString(data.consumeLong()) + (data.consumeBoolean() ? "" : data.consumeString(4));
        }
        return data.pickValue(new String[] {"Tue, 03 Mar 2026 17:05:00 GMT", "Tuesday, 03-Mar-26 17:05:00 GMT",
            "Tue Mar  3 17:05:00 2026", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"});
    }
}
