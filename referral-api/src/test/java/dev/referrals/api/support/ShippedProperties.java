package dev.referrals.api.support;

import dev.referrals.api.ReferralApiProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** {@code referrals.api.*} exactly as the shipped {@code application.yml} configures it, for unit tests. */
public final class ShippedProperties {

    private ShippedProperties() {
    }

    public static ReferralApiProperties referralApi() {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("referrals.api", ReferralApiProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yml has no referrals.api"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
