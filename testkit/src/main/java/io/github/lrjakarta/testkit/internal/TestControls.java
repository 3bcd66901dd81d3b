package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.EmulatorClock;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.Faults;
import io.github.lrjakarta.testkit.Outbox;
import io.github.lrjakarta.testkit.RecordedRequest;
import io.github.lrjakarta.testkit.RecordedRequests;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The emulator's test controls, handed to its server: the parts tests use through the emulator's
 * API (outbox, faults, clock, request log), plus the package-private operations of those parts
 * that only the server may call (taking a fault for a request, recording a request) and the
 * emulator's reset.
 */
public record TestControls(Outbox outbox, Faults faults, Function<String, Optional<Fault>> takeFault,
                           EmulatorClock clock, RecordedRequests requests, Consumer<RecordedRequest> record,
                           Runnable reset) {
}
