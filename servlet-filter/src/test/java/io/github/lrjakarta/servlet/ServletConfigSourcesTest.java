package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.servlet.testing.FakeHttp;
import jakarta.servlet.ServletContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the {@link EnableLoginRocket} values live: in the servlet context, put there by whichever initializer runs first. */
class ServletConfigSourcesTest {

    @EnableLoginRocket(url = "https://annotated.example.com")
    static final class Annotated {}

    @EnableLoginRocket(url = "https://other.example.com")
    static final class AlsoAnnotated {}

    static final class Subclass extends Object {}

    private final Map<String, String> contextParams = new HashMap<>();
    private final ServletContext context = servletContext();

    @Test
    void theFirstInitializerKeepsTheAnnotationForEveryApplicationWideConfig() {
        assertThat(ServletConfigSources.forApplication(context).build().lookup("loginrocket.url")).isEmpty();

        assertThat(ServletConfigSources.annotation(context, Set.of(Annotated.class, Subclass.class))).isPresent();

        assertThat(ServletConfigSources.forApplication(context).build().url().root().getHost())
                .isEqualTo("annotated.example.com");
        // The second initializer finds it kept, whatever classes it was handed.
        assertThat(ServletConfigSources.annotation(context, null))
                .hasValueSatisfying(s -> assertThat(s.value("loginrocket.url")).isEqualTo("https://annotated.example.com"));
    }

    @Test
    void contextParamsWinOverTheAnnotation() {
        contextParams.put("loginrocket.url", "https://param.example.com");
        ServletConfigSources.annotation(context, Set.of(Annotated.class));

        assertThat(ServletConfigSources.forApplication(context).build().url().root().getHost())
                .isEqualTo("param.example.com");
    }

    @Test
    void filtersDeclaredElsewhereDoNotReadTheAnnotation() {
        ServletConfigSources.annotation(context, Set.of(Annotated.class));

        assertThat(ServletConfigSources.forContext(context).build().lookup("loginrocket.url")).isEmpty();
    }

    @Test
    void noneOrSeveralAnnotatedClassesKeepNothing() {
        assertThat(ServletConfigSources.annotation(context, Set.of(Annotated.class, AlsoAnnotated.class))).isEmpty();
        assertThat(ServletConfigSources.annotation(context, Set.of(Subclass.class))).isEmpty();
        assertThat(ServletConfigSources.forApplication(context).build().lookup("loginrocket.url")).isEmpty();
    }

    private ServletContext servletContext() {
        return FakeHttp.context(contextParams).contextPath("/shop").asServletContext();
    }
}
