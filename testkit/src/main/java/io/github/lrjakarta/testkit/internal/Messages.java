package io.github.lrjakarta.testkit.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The emulator's message catalogue ({@code messages*.properties} beside this class): English, Spanish
 * and Japanese, the locales LoginRocket supports. A key missing in one language falls back to
 * English; the JVM's default locale never plays a part. Every pattern goes through
 * {@link MessageFormat}, so a literal apostrophe is written {@code ''}.
 */
public final class Messages {

    /** Locales with a catalogue, in order of preference when the client states no preference. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("es"), Locale.JAPANESE);

    private static final String BUNDLE = "io.github.lrjakarta.testkit.internal.messages";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * Picks the supported locale that best matches an {@code Accept-Language} header (English when
     * the header is absent, malformed, or names nothing supported).
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The message for {@code key} in {@code locale}, with {@code args} formatted in. */
    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                NO_DEFAULT_LOCALE);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message key missing from the emulator catalogue: " + key, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
