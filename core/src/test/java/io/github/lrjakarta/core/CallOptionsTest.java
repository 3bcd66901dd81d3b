package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallOptionsTest {

    @Test
    void noneHasNothing() {
        assertThat(CallOptions.none().locale()).isEmpty();
        assertThat(CallOptions.none().endUserAgent()).isEmpty();
        assertThat(CallOptions.builder().build()).isSameAs(CallOptions.none());
    }

    @Test
    void explicitFieldsWinFieldByField() {
        CallOptions bound = CallOptions.builder().locale(Locale.JAPANESE).endUserAgent("Browser/1").build();
        CallOptions explicitLocale = CallOptions.builder().locale(Locale.forLanguageTag("es")).build();
        CallOptions merged = explicitLocale.orElse(bound);
        assertThat(merged.locale()).contains(Locale.forLanguageTag("es"));
        assertThat(merged.endUserAgent()).contains("Browser/1");
        assertThat(CallOptions.none().orElse(bound)).isEqualTo(bound);
        assertThat(bound.orElse(explicitLocale)).isSameAs(bound);
    }

    @Test
    void endUserAgentIsSanitized() {
        assertThat(CallOptions.builder().endUserAgent("A\r\nB").build().endUserAgent()).contains("AB");
        assertThat(CallOptions.builder().endUserAgent("   ").build()).isSameAs(CallOptions.none());
    }

    @Test
    void contextBindsToTheThreadAndNests() throws Exception {
        assertThat(CallContext.current()).isEmpty();
        CallOptions outer = CallOptions.builder().locale(Locale.ENGLISH).build();
        CallOptions inner = CallOptions.builder().locale(Locale.JAPANESE).build();
        try (CallContext.Scope a = CallContext.bind(outer)) {
            assertThat(CallContext.current()).contains(outer);
            assertThat(CompletableFuture.supplyAsync(CallContext::current).get()).isEmpty();
            CallContext.Scope b = CallContext.bind(inner);
            assertThat(CallContext.current()).contains(inner);
            b.close();
            b.close(); // idempotent: must not pop the outer binding
            assertThat(CallContext.current()).contains(outer);
        }
        assertThat(CallContext.current()).isEmpty();
    }
}
