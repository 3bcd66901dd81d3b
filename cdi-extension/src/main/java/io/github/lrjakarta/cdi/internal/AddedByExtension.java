package io.github.lrjakarta.cdi.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks the annotated types the extension adds itself. Weld reports them with an ordinary
 * {@code ProcessAnnotatedType} (not the synthetic subtype), so this is how a copy of the same class
 * discovered from a bean archive is told apart and vetoed (otherwise: ambiguous beans).
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface AddedByExtension {

    /** The annotation instance added to the types. */
    final class Literal extends AnnotationLiteral<AddedByExtension> implements AddedByExtension {
        private static final long serialVersionUID = 1L;

        public static final Literal INSTANCE = new Literal();

        private Literal() {}
    }
}
