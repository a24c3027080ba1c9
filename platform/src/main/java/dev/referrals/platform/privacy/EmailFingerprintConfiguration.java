package dev.referrals.platform.privacy;

import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email fingerprint keys, for a service that fingerprints referees' emails ({@code @Import} it): the API makes
 * fingerprints, the processor matches them. Not auto-configured, so a service that never sees an email needs no
 * secret.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailFingerprintProperties.class)
public class EmailFingerprintConfiguration {

    @Bean
    public EmailFingerprintKeys emailFingerprintKeys(EmailFingerprintProperties properties) {
        return properties.toKeys();
    }
}
