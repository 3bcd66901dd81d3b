package io.github.lrjakarta.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application's {@code javax.cache.Cache<String, Long>} that LoginRocket shares state
 * between the nodes of a cluster through: the ended (logged-out) sessions and the rate-limit
 * back-off. For applications that set up their cache engine in code rather than by the {@code
 * loginrocket.ended-sessions.jcache.*} keys.
 *
 * <pre>{@code
 * @Produces @LoginRocketStore @ApplicationScoped
 * Cache<String, Long> loginRocketStore(CacheManager manager) {
 *     return manager.getCache("loginrocket-ended-sessions", String.class, Long.class);
 * }
 * }</pre>
 *
 * <p>With such a bean the extension builds the stores of module {@code loginrocket-jcache}
 * ({@code JCacheEndedSessions}, {@code JCacheSharedBackOff}) on it, for every realm and for every
 * client and verifier of the application: its own beans', the servlet filter's and those of {@code
 * LoginRocketFactory}. The application needs {@code io.github.lrjakarta:loginrocket-jcache} then.
 * Setting {@code loginrocket.ended-sessions.store} as well fails the deployment with an error
 * naming the key (one of the two would be ignored), as does a second such bean. The cache is
 * looked up when the first client or verifier is built and belongs to the application; give it an
 * expiry of at least twice {@code loginrocket.ended-sessions.retention}.
 *
 * @since 0.2
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface LoginRocketStore {

    /**
     * The qualifier as a value, for programmatic lookup. Immutable.
     *
     * @since 0.2
     */
    final class Literal extends AnnotationLiteral<LoginRocketStore> implements LoginRocketStore {

        private static final long serialVersionUID = 1L;

        /** The only instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {}
    }
}
