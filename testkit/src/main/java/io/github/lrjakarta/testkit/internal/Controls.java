package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.OutboxMessage;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server needs from the emulator that owns it: fault and request bookkeeping, and the
 * test controls it exposes under {@code /_emulator/}. Implemented by {@code LoginRocketEmulator}.
 */
public interface Controls {

    Optional<Fault> takeFault(String path);

    void record(RecordedRequest request);

    List<OutboxMessage> outbox();

    void clearOutbox();

    void injectFault(String path, Fault fault);

    Map<String, List<Fault>> faults();

    void clearFaults(String pathOrNull);

    Instant advanceClock(Duration amount);

    Instant setClock(Instant time);

    Instant now();

    void reset();

    List<RecordedRequest> requests();

    void clearRequests();

    IssuedLogin issueLogin(String user, String account);

    String rotateSigningKey();

    String invite(String email);
}
