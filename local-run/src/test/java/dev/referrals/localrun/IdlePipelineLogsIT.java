package dev.referrals.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.SharedLocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A healthy pipeline left idle logs nothing at WARN or above: every service runs its periodic work (the lag
 * monitor's samples, the dead-letter gauges, the sweeper) for a minute, and its log gains no such line. What a
 * service logs while it starts (the one replication warning of a one-broker stack) is before the minute begins.
 */
class IdlePipelineLogsIT {

    /** Lag samples each service takes while idle: one minute at the default interval of 10 s. */
    private static final int IDLE_SAMPLES = 6;
    private static final Duration IDLE_MINUTE_AND_MARGIN = Duration.ofSeconds(120);
    private static final Pattern SAMPLES = Pattern.compile("^referrals_consumer_lag_samples_total(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern WARN_OR_ABOVE = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");

    private static LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void acquireStack() {
        stack = SharedLocalStack.acquire();
    }

    @AfterAll
    static void releaseStack() {
        SharedLocalStack.release();
    }

    @Test
    void noServiceLogsAtWarnOrAboveOverAnIdleMinute() throws IOException {
        PipelineSettings settings = PipelineSettings.defaults(Path.of("target", "services"),
                Path.of("target", "idle-logs", UUID.randomUUID().toString())).withAnyFreePorts();
        try (Pipeline pipeline = Pipeline.start(stack, stack.newTopicNamespace(), settings,
                service -> stack.newDatabase(), line -> { })) {
            Map<Service, Integer> linesBefore = new EnumMap<>(Service.class);
            Map<Service, Double> samplesBefore = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                samplesBefore.put(service, samples(pipeline, service));
                linesBefore.put(service, log(settings, service).size());
            }

            await().atMost(IDLE_MINUTE_AND_MARGIN).pollInterval(Duration.ofSeconds(2)).until(() ->
                    samplesBefore.entrySet().stream().allMatch(before ->
                            samples(pipeline, before.getKey()) >= before.getValue() + IDLE_SAMPLES));

            for (Service service : Service.values()) {
                List<String> idle = log(settings, service).stream().skip(linesBefore.get(service)).toList();
                assertThat(idle).as(service.module() + " while idle")
                        .noneMatch(line -> WARN_OR_ABOVE.matcher(line).find());
            }
        }
    }

    private static List<String> log(PipelineSettings settings, Service service) throws IOException {
        return Files.readAllLines(settings.logDir().resolve(service.module() + ".log"));
    }

    /** The service's count of lag samples, from its open Prometheus endpoint. */
    private double samples(Pipeline pipeline, Service service) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(pipeline.managementUrl(service) + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher count = SAMPLES.matcher(answer.body());
            return count.find() ? Double.parseDouble(count.group(1)) : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
