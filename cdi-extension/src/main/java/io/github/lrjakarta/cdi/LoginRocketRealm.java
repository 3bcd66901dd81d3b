package io.github.lrjakarta.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects a named LoginRocket realm: the client, verifier, current session and session beans
 * configured with the keys {@code loginrocket.<name>.*} ({@code loginrocket.partners.url},
 * environment {@code LOGINROCKET_PARTNERS_URL}, …) instead of the default realm's {@code
 * loginrocket.*}.
 *
 * <pre>{@code
 * @Inject @LoginRocketRealm("partners") LoginRocketClient partnersClient;
 * @Inject @LoginRocketRealm("partners") CurrentSession partnerSession;
 * }</pre>
 *
 * <p>Unqualified injection points get the default realm. The extension learns realm names from
 * the injection points it sees while the application deploys (and from the {@code realm} member
 * of {@link LoginRequired} and {@link RequiresPermission}); a realm that is only looked up
 * dynamically ({@code Instance.select(new LoginRocketRealm.Literal("x"))}) must also appear at
 * one injection point. Names are lower-case letters, digits and inner hyphens, not {@code cors},
 * {@code jwt} or {@code cookie}; a bad name fails the deployment.
 *
 * <p>A named realm's current session is verified from the request's {@code Authorization: Bearer}
 * header with that realm's verifier; the session the servlet filter established belongs to the
 * default realm.
 *
 * @since 0.1
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface LoginRocketRealm {

    /** The realm's name, the segment after {@code loginrocket.} in its keys. */
    String value();

    /**
     * An instance of the qualifier for programmatic lookup, e.g. {@code
     * instance.select(LoginRocketClient.class, new LoginRocketRealm.Literal("partners"))}.
     * Immutable.
     *
     * @since 0.1
     */
    final class Literal extends AnnotationLiteral<LoginRocketRealm> implements LoginRocketRealm {

        private static final long serialVersionUID = 1L;

        private final String value;

        /**
         * @param value the realm's name
         */
        public Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        @Override
        public String value() {
            return value;
        }
    }
}
