package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketKeys;

/** Builds a realm's client and verifier from its config (keys in {@link LoginRocketKeys}). */
final class BeanFactories {

    private BeanFactories() {}

    /** @throws io.github.lrjakarta.core.config.LoginRocketConfigException naming key and source */
    static LoginRocketClient client(LoginRocketConfig config) {
        LoginRocketUrl url = config.url();
        LoginRocketClient.Builder builder = LoginRocketClient.builder()
                .allowInsecureLoopback(config.getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK))
                .url(url)
                .connectTimeout(config.getDuration(LoginRocketKeys.CONNECT_TIMEOUT))
                .responseTimeout(config.getDuration(LoginRocketKeys.RESPONSE_TIMEOUT))
                .connectionRequestTimeout(config.getDuration(LoginRocketKeys.CONNECTION_REQUEST_TIMEOUT))
                .maxConnections(config.getInt(LoginRocketKeys.MAX_CONNECTIONS));
        config.locale().ifPresent(builder::locale);
        config.optionalString(LoginRocketKeys.USER_AGENT).ifPresent(builder::userAgent);
        return builder.build();
    }

    /** @throws io.github.lrjakarta.core.config.LoginRocketConfigException naming key and source */
    static LoginRocketTokenVerifier verifier(LoginRocketConfig config) {
        LoginRocketTokenVerifier.Builder builder = LoginRocketTokenVerifier.builder()
                .allowInsecureLoopback(config.getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK))
                .issuer(config.getString(LoginRocketKeys.JWT_ISSUER))
                .leeway(config.getDuration(LoginRocketKeys.JWT_LEEWAY))
                .cacheSize(config.getInt(LoginRocketKeys.JWT_CACHE_SIZE))
                .keyRefetchInterval(config.getDuration(LoginRocketKeys.JWT_KEY_REFETCH_INTERVAL))
                .keyFetchTimeout(config.getDuration(LoginRocketKeys.JWT_KEY_FETCH_TIMEOUT));
        config.optionalString(LoginRocketKeys.JWT_KEY)
                .ifPresentOrElse(builder::staticKey, () -> builder.jwks(config.url()));
        config.optionalString(LoginRocketKeys.JWT_REALM).ifPresent(builder::realm);
        config.optionalDuration(LoginRocketKeys.JWT_MAX_TOKEN_AGE).ifPresent(builder::maxTokenAge);
        return builder.build();
    }
}
