package dev.referrals.benchmarks.harness;

import dev.referrals.localrun.Service;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per service: the start-up time of its measured start, the highest resident memory of any of its processes in the
 * run ({@code VmHWM}, read before each stop), and the highest sampled while the pipeline ran at the goal's rate.
 */
public final class ServiceFigures {

    private final Map<Service, Duration> startUp = new EnumMap<>(Service.class);
    private final Map<Service, Long> peakRss = new EnumMap<>(Service.class);
    private final Map<Service, Long> rssAtGoalRate = new EnumMap<>(Service.class);

    public synchronized void startUp(Service service, Duration duration) {
        startUp.put(service, duration);
    }

    public synchronized void peakRss(Service service, long bytes) {
        peakRss.merge(service, bytes, Math::max);
    }

    public synchronized void rssAtGoalRate(Service service, long bytes) {
        rssAtGoalRate.put(service, bytes);
    }

    public synchronized Duration startUp(Service service) {
        return startUp.getOrDefault(service, Duration.ZERO);
    }

    public synchronized long peakRss(Service service) {
        return peakRss.getOrDefault(service, 0L);
    }

    public synchronized long rssAtGoalRate(Service service) {
        return rssAtGoalRate.getOrDefault(service, 0L);
    }
}
