package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What each {@link Fault} does to a request: answer it instead of the realm, change how the real
 * answer goes out, or hold it. Stateless apart from the clock and the held responses; thread-safe.
 */
final class FaultEffects {

    private final Clock clock;
    private final HeldResponses held;

    FaultEffects(Clock clock, HeldResponses held) {
        this.clock = clock;
        this.held = held;
    }

    /** Applies the fault; returns true when it answered the request itself, false when the request goes on. */
    boolean apply(Call call, Fault fault) {
        // Set when the response goes out, so they override defaults such as Ratelimit-Reset.
        call.deferHeaders(fault.headers());
        switch (fault.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(fault.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case TRUNCATED_BODY -> {
                call.truncateResponse();
                return false;
            }
            case DROP_MID_BODY -> {
                call.dropMidBody();
                return false;
            }
            case TRICKLE -> {
                call.trickle(fault.duration(), held);
                return false;
            }
            case WRONG_CONTENT_TYPE -> {
                call.overrideContentType(fault.contentType());
                return false;
            }
            case NO_RESPONSE -> {
                call.hold(held);
                return true;
            }
            case OVERSIZED_BODY -> {
                call.sendPadded(fault.status(), fault.size());
                return true;
            }
            case DROP_CONNECTION -> {
                call.drop();
                return true;
            }
            case MALFORMED_BODY -> {
                call.send(fault.status(), Call.JSON,
                        "{\"result\":\"full_login\",\"session\":\"kss_".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case RESPONSE -> {
                call.send(fault.status(), fault.contentType(), fault.body().getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case RATE_LIMITED -> {
                call.setHeader("Ratelimit-Reset", EmulatorServer.HTTP_DATE.format(clock.instant().plus(fault.duration())));
                call.error(ApiError.of(429, "error.rate_limited"));
                return true;
            }
            case STATUS -> {
                if (fault.status() == 429 && fault.headers().keySet().stream().noneMatch("Retry-After"::equalsIgnoreCase)) {
                    call.setHeader("Ratelimit-Reset", EmulatorServer.HTTP_DATE.format(clock.instant().plusSeconds(60)));
                }
                call.error(ApiError.of(fault.status(), keyFor(fault.status())));
                return true;
            }
            default -> throw new IllegalStateException("unhandled fault kind " + fault.kind());
        }
    }

    private static String keyFor(int status) {
        return switch (status) {
            case 403 -> "session.invalid";
            case 404 -> "error.not_found";
            case 405 -> "error.method_not_allowed";
            case 406 -> "error.not_acceptable";
            case 415 -> "error.unsupported_media_type";
            case 429 -> "error.rate_limited";
            case 409, 422 -> "login.failed";
            default -> "error.server";
        };
    }
}
