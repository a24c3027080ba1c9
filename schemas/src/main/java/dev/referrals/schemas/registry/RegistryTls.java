package dev.referrals.schemas.registry;

import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.DEFAULT_SSL_TRUSTSTORE_TYPE;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD;
import static dev.referrals.schemas.registry.SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * The SSL context of registry calls: the JVM's default one (so the standard {@code javax.net.ssl.*} system
 * properties apply), or one trusting the configured truststore.
 */
final class RegistryTls {

    private static final String PROTOCOL = "TLS";

    private RegistryTls() {
    }

    static SSLContext sslContext(ConfigReader config) {
        Optional<String> location = config.string(SSL_TRUSTSTORE_LOCATION);
        try {
            if (location.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trustStore = KeyStore.getInstance(config.string(SSL_TRUSTSTORE_TYPE, DEFAULT_SSL_TRUSTSTORE_TYPE));
            char[] password = config.string(SSL_TRUSTSTORE_PASSWORD).map(String::toCharArray).orElse(null);
            try (InputStream in = Files.newInputStream(Path.of(location.get()))) {
                trustStore.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException unusable) {
            throw new ConfigException("Cannot build the registry's SSL context from " + SSL_TRUSTSTORE_LOCATION + "="
                    + location.orElse("<JVM default>") + ": " + unusable.getMessage());
        }
    }
}
