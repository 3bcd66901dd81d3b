package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static io.github.lrjakarta.core.ClientTestSupport.last;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenTelemetry on the client's outbound calls through {@link LoginRocketClient.Builder#httpClientCustomizer}:
 * the README's recipe, run against the emulator with the SDK's in-memory exporter.
 */
class ClientTracingTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing =
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    /** The recipe: a client span per exchange, its context injected as {@code traceparent}. */
    static Consumer<HttpClientBuilder> openTelemetry(Tracer tracer) {
        return builder -> builder.addExecInterceptorFirst("opentelemetry", (request, scope, chain) -> {
            Span span = tracer.spanBuilder(request.getMethod() + " " + request.getPath().replaceAll("\\?.*", ""))
                    .setSpanKind(SpanKind.CLIENT)
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                W3CTraceContextPropagator.getInstance()
                        .inject(Context.current(), request, (r, name, value) -> r.setHeader(name, value));
                var response = chain.proceed(request, scope);
                span.setAttribute("http.response.status_code", response.getCode());
                return response;
            } finally {
                span.end();
            }
        });
    }

    @Test
    void eachCallIsAClientSpanAndLoginRocketReceivesItsTraceparent() {
        Tracer tracer = tracing.get("loginrocket-test");
        Span parent = tracer.spanBuilder("incoming request").startSpan();
        try (Scope ignored = parent.makeCurrent();
                LoginRocketClient c = clientFor(LR.emulator()).httpClientCustomizer(openTelemetry(tracer)).build()) {
            c.login(DANA, DANA_PASSWORD);
        } finally {
            parent.end();
        }
        SpanData call = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(call.getName()).isEqualTo("POST /v2/login");
        assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(call.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(call.getAttributes().asMap().values()).contains(200L);
        assertThat(last(LR.emulator(), "/v2/login").header("traceparent")).hasValueSatisfying(traceparent ->
                assertThat(traceparent).startsWith("00-" + call.getTraceId() + "-" + call.getSpanId() + "-"));
    }

    @Test
    void theReadinessProbeGoesThroughTheSameStack() {
        Tracer tracer = tracing.get("loginrocket-test");
        try (LoginRocketClient c = clientFor(LR.emulator()).httpClientCustomizer(openTelemetry(tracer)).build()) {
            LoginRocketReadiness.builder(c).build().check();
        }
        assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("GET /connect/jwks");
        assertThat(last(LR.emulator(), "/connect/jwks").header("traceparent")).isPresent();
    }

    @Test
    void theVerifiersKeySetFetchIsAClientSpanAndCarriesItsTraceparent() {
        Tracer tracer = tracing.get("loginrocket-test");
        LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(LR.emulator().url(), true))
                .httpClientCustomizer(openTelemetry(tracer))
                .build();
        String token = LR.emulator().issueToken(DANA);
        Span parent = tracer.spanBuilder("incoming request").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertThat(verifier.verify(token).isValid()).isTrue();
        } finally {
            parent.end();
        }
        SpanData fetch = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(fetch.getName()).isEqualTo("GET /connect/jwks");
        assertThat(fetch.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(last(LR.emulator(), "/connect/jwks").header("traceparent")).hasValueSatisfying(traceparent ->
                assertThat(traceparent).startsWith("00-" + fetch.getTraceId() + "-" + fetch.getSpanId() + "-"));
    }

    @Test
    void aVerifierFetchingKeysWithTheClientUsesTheClientsHttpClientAndItsHook() {
        Tracer tracer = tracing.get("loginrocket-test");
        AtomicInteger builtHttpClients = new AtomicInteger();
        try (LoginRocketClient c = clientFor(LR.emulator())
                .httpClientCustomizer(openTelemetry(tracer).andThen(b -> builtHttpClients.incrementAndGet()))
                .build()) {
            LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder().jwks(c.url()).fetchKeysWith(c).build();
            assertThat(verifier.verify(LR.emulator().issueToken(DANA)).isValid()).isTrue();
        }
        assertThat(builtHttpClients).as("one HttpClient for both").hasValue(1);
        assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("GET /connect/jwks");
        assertThat(last(LR.emulator(), "/connect/jwks").header("traceparent")).isPresent();
    }
}
