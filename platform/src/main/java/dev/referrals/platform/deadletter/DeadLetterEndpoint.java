package dev.referrals.platform.deadletter;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/deadletters}: the dead-letter topics and their records, and a redrive.
 *
 * <ul>
 *   <li>{@code GET /actuator/deadletters}: each {@code -dlt} topic with its record count;</li>
 *   <li>{@code GET /actuator/deadletters/{topic}?page=0&size=20}: a page of its records, with reason, origin, headers
 *       and decoded value, email addresses masked; {@code &reveal=true} shows them as stored, and is logged;</li>
 *   <li>{@code POST /actuator/deadletters/{topic}} with {@code {"partition": 0, "offsets": [12, 13]}} redrives those
 *       records, and with {@code {}} all of them, to the catalogue topic the dead-letter topic belongs to. A request
 *       for any other topic (a {@code "target"} that is not it, or a topic that is not a dead-letter topic of this
 *       service's catalogue) is refused with 403.</li>
 * </ul>
 *
 * <p>Answers other than 200 are RFC 9457 problems ({@code application/problem+json}).
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    /** Where reveals are logged: one line per reveal, naming the records shown and who asked. */
    static final String AUDIT_LOGGER = "dev.referrals.platform.deadletter.audit";

    static final int STATUS_FORBIDDEN = 403;
    private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");
    /** Until the management port authenticates its callers; then the principal's name is logged. */
    private static final String UNAUTHENTICATED = "(unauthenticated)";

    private static final Logger audit = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final DeadLetterBrowser browser;
    private final DeadLetterProperties properties;

    public DeadLetterEndpoint(DeadLetterBrowser browser, DeadLetterProperties properties) {
        this.browser = browser;
        this.properties = properties;
    }

    @ReadOperation
    public Map<String, Long> topics() {
        return browser.counts();
    }

    /**
     * A page of a dead-letter topic.
     *
     * @param page   which page, from 0; default 0
     * @param size   records per page; default {@code referrals.deadletters.default-page-size}, at most
     *               {@code referrals.deadletters.max-page-size}
     * @param reveal show email addresses as stored; logged, with the caller
     * @param caller who asks, when the management port authenticates
     */
    @ReadOperation
    public WebEndpointResponse<Object> records(@Selector String topic, @Nullable Integer page, @Nullable Integer size,
                                               @Nullable Boolean reveal, @Nullable Principal caller) {
        if (!browser.isDeadLetterTopic(topic)) {
            return problem(WebEndpointResponse.STATUS_NOT_FOUND, "Not a dead-letter topic",
                    "'" + topic + "' is not a dead-letter topic of this service's catalogue", Map.of("topic", topic));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = Math.min(size == null ? properties.defaultPageSize() : size, properties.maxPageSize());
        if (pageNumber < 0 || pageSize < 1) {
            return problem(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad page",
                    "page must be 0 or more and size 1 or more, were " + pageNumber + " and " + pageSize,
                    Map.of("topic", topic));
        }
        DeadLetterPage read = browser.page(topic, (long) pageNumber * pageSize, pageSize);
        boolean revealed = Boolean.TRUE.equals(reveal);
        if (revealed) {
            audit.warn("Dead letters revealed unredacted to {}: topic {}, records (partition/offset) {}",
                    callerName(caller), topic,
                    read.records().stream().map(letter -> letter.partition() + "/" + letter.offset()).toList());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("topic", topic);
        answer.put("page", pageNumber);
        answer.put("size", pageSize);
        answer.put("total", read.total());
        answer.put("redacted", !revealed);
        answer.put("records", (revealed ? read : read.redacted()).records());
        return new WebEndpointResponse<>(answer);
    }

    /**
     * Redrives records to the catalogue topic that {@code topic} is the dead-letter topic of.
     *
     * @param partition with {@code offsets}, the records to redrive; without, all of them
     * @param target    the topic the caller means to redrive to, if it names one: refused unless it is that topic
     * @param caller    who asks, when the management port authenticates
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> redrive(@Selector String topic, @Nullable Integer partition,
                                                            @Nullable List<Long> offsets, @Nullable String target,
                                                            @Nullable Principal caller) {
        Map<Integer, List<Long>> chosen = partition == null || offsets == null || offsets.isEmpty()
                ? Map.of() : Map.of(partition, offsets);
        try {
            DeadLetterBrowser.Redriven redriven = browser.redrive(topic, Optional.ofNullable(target), chosen);
            audit.info("Dead letters redriven by {}: {} record(s) of {} to {}", callerName(caller),
                    redriven.redriven(), topic, redriven.target());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("topic", topic);
            answer.put("target", redriven.target());
            answer.put("redriven", redriven.redriven());
            return new WebEndpointResponse<>(answer);
        } catch (RedriveRefusedException refused) {
            audit.warn("Redrive refused to {}: {}", callerName(caller), refused.getMessage());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("topic", topic);
            if (refused.requestedTarget() != null) {
                extra.put("target", refused.requestedTarget());
            }
            return problem(STATUS_FORBIDDEN, "Redrive refused", refused.getMessage(), extra);
        }
    }

    private static String callerName(@Nullable Principal caller) {
        return caller == null ? UNAUTHENTICATED : caller.getName();
    }

    @SuppressWarnings("unchecked")
    private static <T> WebEndpointResponse<T> problem(int status, String title, String detail,
                                                      Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extra);
        return new WebEndpointResponse<>((T) problem, status, PROBLEM_JSON);
    }
}
