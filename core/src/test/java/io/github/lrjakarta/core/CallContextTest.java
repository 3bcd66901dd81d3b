package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lazy bindings of {@link CallContext}: computed only on use, once per binding, and gone with the scope. */
class CallContextTest {

    private static final CallOptions JA = CallOptions.builder().locale(Locale.JAPANESE).build();
    private static final CallOptions EN = CallOptions.builder().locale(Locale.ENGLISH).build();

    /** A request-like source whose options are computed by a counting recipe. */
    static final class Source {
        final String agent;
        final AtomicInteger reads = new AtomicInteger();

        Source(String agent) {
            this.agent = agent;
        }

        static CallOptions options(Source s) {
            s.reads.incrementAndGet();
            return s.agent == null ? null : CallOptions.builder().endUserAgent(s.agent).build();
        }
    }

    @AfterEach
    void nothingLeftBound() {
        assertThat(CallContext.current()).isEmpty();
    }

    @Test
    void aLazyBindingIsComputedOnlyWhenAskedForAndOncePerBinding() {
        Source request = new Source("Browser/1");
        try (CallContext.Scope scope = CallContext.bind(request, Source::options)) {
            assertThat(request.reads).as("nothing computed by binding").hasValue(0);
            CallOptions first = CallContext.current().orElseThrow();
            assertThat(first.endUserAgent()).contains("Browser/1");
            assertThat(CallContext.current()).get().isSameAs(first);
            assertThat(request.reads).hasValue(1);
        }
        assertThat(request.reads).hasValue(1);
    }

    @Test
    void aBindingThatIsNeverAskedForComputesNothing() {
        Source request = new Source("Browser/1");
        try (CallContext.Scope scope = CallContext.bind(request, Source::options)) {
            assertThat(scope).isNotNull();
        }
        assertThat(request.reads).hasValue(0);
    }

    @Test
    void eachBindingComputesItsOwnOptions() {
        for (String agent : new String[] {"A/1", "B/2", "A/1"}) {
            Source request = new Source(agent);
            try (CallContext.Scope scope = CallContext.bind(request, Source::options)) {
                assertThat(CallContext.current().flatMap(CallOptions::endUserAgent)).contains(agent);
            }
        }
    }

    @Test
    void aSupplierWorksTheSameWay() {
        AtomicInteger calls = new AtomicInteger();
        try (CallContext.Scope scope = CallContext.bind(() -> {
            calls.incrementAndGet();
            return JA;
        })) {
            assertThat(calls).hasValue(0);
            assertThat(CallContext.current()).contains(JA);
            assertThat(CallContext.current()).contains(JA);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aRecipeProducingNothingLeavesNothingBoundAndIsNotAskedAgain() {
        Source anonymous = new Source(null);
        try (CallContext.Scope scope = CallContext.bind(anonymous, Source::options)) {
            assertThat(CallContext.current()).isEmpty();
            assertThat(CallContext.current()).isEmpty();
            assertThat(anonymous.reads).hasValue(1);
        }
    }

    @Test
    void aFailingRecipePropagatesAndIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        try (CallContext.Scope scope = CallContext.bind(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("request already recycled");
            }
            return EN;
        })) {
            assertThatThrownBy(CallContext::current).isInstanceOf(IllegalStateException.class);
            assertThat(CallContext.current()).contains(EN);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void lazyAndEagerBindingsNestAndRestoreWhatWasComputed() {
        Source outer = new Source("Outer/1");
        try (CallContext.Scope a = CallContext.bind(outer, Source::options)) {
            CallOptions outerOptions = CallContext.current().orElseThrow();
            try (CallContext.Scope b = CallContext.bind(JA)) {
                assertThat(CallContext.current()).contains(JA);
                Source inner = new Source("Inner/1");
                CallContext.Scope c = CallContext.bind(inner, Source::options);
                assertThat(CallContext.current().flatMap(CallOptions::endUserAgent)).contains("Inner/1");
                c.close();
                c.close(); // idempotent: must not pop the eager binding
                assertThat(CallContext.current()).contains(JA);
            }
            assertThat(CallContext.current()).get().isSameAs(outerOptions);
            assertThat(outer.reads).as("restored, not recomputed").hasValue(1);
        }
    }

    @Test
    void anOuterLazyBindingNotYetAskedForIsStillLazyAfterANestedOne() {
        Source outer = new Source("Outer/1");
        try (CallContext.Scope a = CallContext.bind(outer, Source::options)) {
            try (CallContext.Scope b = CallContext.bind(EN)) {
                assertThat(CallContext.current()).contains(EN);
            }
            assertThat(outer.reads).hasValue(0);
            assertThat(CallContext.current().flatMap(CallOptions::endUserAgent)).contains("Outer/1");
        }
    }

    @Test
    void explicitOptionsStillWinFieldByFieldOverALazyBinding() {
        try (CallContext.Scope scope = CallContext.bind(
                () -> CallOptions.builder().locale(Locale.JAPANESE).endUserAgent("Browser/1").build())) {
            CallOptions merged = EN.orElse(CallContext.current().orElseThrow());
            assertThat(merged.locale()).contains(Locale.ENGLISH);
            assertThat(merged.endUserAgent()).contains("Browser/1");
        }
    }

    @Test
    void aLazyBindingIsInvisibleToOtherThreadsAndItsRecipeNeverRunsThere() throws Exception {
        Source request = new Source("Browser/1");
        try (CallContext.Scope scope = CallContext.bind(request, Source::options)) {
            assertThat(CompletableFuture.supplyAsync(CallContext::current).get()).isEmpty();
            assertThat(request.reads).hasValue(0);
        }
    }

    @Test
    void closingTheOutermostScopeTwiceIsHarmless() {
        CallContext.Scope scope = CallContext.bind(JA);
        scope.close();
        scope.close();
        assertThat(CallContext.current()).isEmpty();
        try (CallContext.Scope again = CallContext.bind(EN)) {
            assertThat(CallContext.current()).contains(EN);
        }
    }
}
