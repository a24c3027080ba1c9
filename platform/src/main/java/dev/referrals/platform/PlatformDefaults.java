package dev.referrals.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares (serde, acks, isolation, registry) as the lowest-precedence property
 * source, so a service's own {@code application.yml}, the environment and the command line all override them.
 *
 * <p>{@code spring.config.import} would not do: imported files take precedence over the file that imports them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "referrals-platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("referrals-platform-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the platform jar", e);
        }
    }
}
