package dev.referrals.platform.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/deadletters}: the dead-letter topics and their records, and a redrive.
 *
 * <ul>
 *   <li>{@code GET /actuator/deadletters}: each {@code -dlt} topic with its record count;</li>
 *   <li>{@code GET /actuator/deadletters/{topic}}: its records, with reason, origin, headers and decoded value;</li>
 *   <li>{@code POST /actuator/deadletters/{topic}} with {@code {"partition": 0, "offsets": [12, 13]}} redrives those
 *       records, and with {@code {}} all of them, to the topic they came from.</li>
 * </ul>
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterBrowser browser;

    public DeadLetterEndpoint(DeadLetterBrowser browser) {
        this.browser = browser;
    }

    @ReadOperation
    public Map<String, Long> topics() {
        return browser.counts();
    }

    @ReadOperation
    public List<DeadLetter> records(@Selector String topic) {
        return browser.list(topic);
    }

    @WriteOperation
    public Map<String, Object> redrive(@Selector String topic, @Nullable Integer partition,
                                       @Nullable List<Long> offsets) {
        Map<Integer, List<Long>> chosen = partition == null || offsets == null || offsets.isEmpty()
                ? Map.of() : Map.of(partition, offsets);
        int redriven = browser.redrive(topic, chosen);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("topic", topic);
        answer.put("redriven", redriven);
        return answer;
    }
}
