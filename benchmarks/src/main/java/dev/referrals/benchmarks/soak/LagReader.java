package dev.referrals.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each instance's own view of its consumer groups, from {@code /actuator/consumerlag} with an ops token. */
final class LagReader {

    private static final String OK = "OK";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String opsToken;

    LagReader(String opsToken) {
        this.opsToken = opsToken;
    }

    /**
     * Reads every instance until each reports all its groups OK, or {@code timeout} passes; returns the last reading,
     * instance by instance, group by group.
     */
    Map<String, Map<String, String>> awaitAllOk(List<SoakServices.Instance> instances, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Map<String, String>> reading = new TreeMap<>();
            for (SoakServices.Instance instance : instances) {
                reading.put(instance.toString(), read(instance));
            }
            boolean allOk = reading.values().stream().allMatch(groups -> !groups.isEmpty()
                    && groups.values().stream().allMatch(OK::equals));
            if (allOk || Instant.now().isAfter(deadline)) {
                return reading;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reading;
            }
        }
    }

    private Map<String, String> read(SoakServices.Instance instance) {
        Map<String, String> groups = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(instance.managementUrl() + "/actuator/consumerlag"))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + opsToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                groups.put("(endpoint)", "HTTP " + response.statusCode());
                return groups;
            }
            for (JsonNode group : JSON.readTree(response.body()).path("groups")) {
                groups.put(group.path("group").asText(), group.path("status").asText());
            }
        } catch (IOException e) {
            groups.put("(endpoint)", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            groups.put("(endpoint)", "interrupted");
        }
        return groups;
    }
}
