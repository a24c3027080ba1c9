package dev.referrals.platform.failure;

import java.time.Instant;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** DOWN while the listeners wait for a dependency, with each one and since when. */
public class DependencyOutagesHealthIndicator extends AbstractHealthIndicator {

    private final DependencyOutages outages;

    public DependencyOutagesHealthIndicator(DependencyOutages outages) {
        super("Cannot tell which dependencies the listeners wait for");
        this.outages = outages;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Instant> current = outages.current();
        if (current.isEmpty()) {
            builder.up();
            return;
        }
        builder.down();
        current.forEach((dependency, since) -> builder.withDetail(dependency, "waited for since " + since));
    }
}
