package io.github.lrjakarta.core;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import io.github.lrjakarta.testkit.TokenSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

/** Shared helpers for the client tests that run against the testkit emulator. */
final class ClientTestSupport {

    static final String DANA = "dana@example.org";
    static final String DANA_PASSWORD = "correct-horse-battery";
    static final String SAM = "sam@example.org";
    static final String SAM_PASSWORD = "sam-password-123";
    static final String REQUEST_ID = "rq_[0-9A-Za-z]{22}";

    private ClientTestSupport() {}

    /** A client for the emulator: its URL, loopback http allowed, short timeouts so failures are quick. */
    static LoginRocketClient.Builder clientFor(LoginRocketEmulator emulator) {
        LoginRocketClient.Builder b = LoginRocketClient.builder()
                .url(emulator.url())
                .allowInsecureLoopback(true)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5));
        if (emulator.isTls()) {
            b.sslContext(emulator.clientSslContext());
        }
        return b;
    }

    /** The last request the emulator recorded for a path. */
    static RecordedRequest last(LoginRocketEmulator emulator, String path) {
        List<RecordedRequest> matching =
                emulator.requests().stream().filter(r -> r.path().equals(path)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("the emulator recorded no request for " + path);
        }
        return matching.get(matching.size() - 1);
    }

    /** The payload of a JWT, decoded without verification (the verifier has its own tests). */
    static JsonObject claims(String jwt) {
        return TokenSigner.decodePayload(jwt);
    }

    /** A body the emulator recorded, parsed as JSON. */
    static JsonObject jsonBody(RecordedRequest request) {
        try (var reader = Json.createReader(new StringReader(request.body()))) {
            return reader.readObject();
        }
    }
}
