package dev.referrals.schemas.registry;

import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BASIC_AUTH_SOURCE_URL;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BASIC_AUTH_SOURCE_USER_INFO;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BEARER_AUTH_SOURCE_STATIC_TOKEN;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.BEARER_AUTH_TOKEN;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.DEFAULT_BASIC_AUTH_CREDENTIALS_SOURCE;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;

/** The {@code Authorization} header of registry calls, chosen from Confluent's credential-source keys. */
final class RegistryAuthorization {

    private final Function<BaseUrls.BaseUrl, Optional<String>> header;

    private RegistryAuthorization(Function<BaseUrls.BaseUrl, Optional<String>> header) {
        this.header = header;
    }

    static RegistryAuthorization fromConfig(ConfigReader config) {
        Optional<String> bearerSource = config.string(BEARER_AUTH_CREDENTIALS_SOURCE);
        String basicSource = config.string(BASIC_AUTH_CREDENTIALS_SOURCE, DEFAULT_BASIC_AUTH_CREDENTIALS_SOURCE)
                .toUpperCase(Locale.ROOT);
        if (bearerSource.isPresent()) {
            if (basicSource.equals(BASIC_AUTH_SOURCE_USER_INFO)) {
                throw new ConfigException("Only one of " + BASIC_AUTH_CREDENTIALS_SOURCE + "="
                        + BASIC_AUTH_SOURCE_USER_INFO + " and " + BEARER_AUTH_CREDENTIALS_SOURCE + " may be set");
            }
            return bearer(config, bearerSource.get());
        }
        return switch (basicSource) {
            case BASIC_AUTH_SOURCE_URL -> new RegistryAuthorization(url -> url.userInfo().map(RegistryAuthorization::basic));
            case BASIC_AUTH_SOURCE_USER_INFO -> {
                String userInfo = config.string(BASIC_AUTH_USER_INFO).orElseThrow(() -> new ConfigException(
                        BASIC_AUTH_USER_INFO + " is required when " + BASIC_AUTH_CREDENTIALS_SOURCE + "="
                                + BASIC_AUTH_SOURCE_USER_INFO));
                Optional<String> value = Optional.of(basic(userInfo));
                yield new RegistryAuthorization(url -> value);
            }
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, basicSource,
                    "Supported: " + BASIC_AUTH_SOURCE_URL + ", " + BASIC_AUTH_SOURCE_USER_INFO);
        };
    }

    Optional<String> headerFor(BaseUrls.BaseUrl url) {
        return header.apply(url);
    }

    private static RegistryAuthorization bearer(ConfigReader config, String source) {
        if (!source.equalsIgnoreCase(BEARER_AUTH_SOURCE_STATIC_TOKEN)) {
            throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, source,
                    "Supported: " + BEARER_AUTH_SOURCE_STATIC_TOKEN);
        }
        String token = config.string(BEARER_AUTH_TOKEN).orElseThrow(() -> new ConfigException(
                BEARER_AUTH_TOKEN + " is required when " + BEARER_AUTH_CREDENTIALS_SOURCE + "=" + source));
        Optional<String> value = Optional.of("Bearer " + token);
        return new RegistryAuthorization(url -> value);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
