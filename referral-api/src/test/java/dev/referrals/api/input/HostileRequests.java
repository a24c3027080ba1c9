package dev.referrals.api.input;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generators of requests that must all be refused: each one holds at least one input that breaks a documented rule
 * (an id that is no id, a value of the wrong JSON type, a forbidden control character, a text over its limit, a
 * referee that is no profile URL or email, malformed JSON, a malformed path or an over-long header), so none of them
 * may be accepted, whatever else it holds.
 */
final class HostileRequests {

    /** One request as sent: {@code raw} when it cannot be sent by a well-behaved HTTP client. */
    record HostileRequest(String why, String method, String target, String body, List<String> headers) {

        boolean raw() {
            try {
                URI.create(target);
            } catch (IllegalArgumentException notAUri) {
                return true;
            }
            return headers.stream().anyMatch(header -> header.chars().anyMatch(c -> c < ' ' || c == 0x7F));
        }

        @Override
        public String toString() {
            String shown = why + ": " + method + " " + target + " " + headers + " " + body;
            return shown.length() > 300 ? shown.substring(0, 300) + "..." : shown;
        }
    }

    static final String DECLINE = "/api/v1/invitations/%s/decline";
    static final String REQUEST_STATUS = "/api/v1/referral-requests/%s";
    static final String REFERRALS_VIEW = "/api/v1/freelancers/%s/referrals";
    static final String JOB_INVITATIONS = "/api/v1/jobs/%s/invitations";
    static final String SEARCH = "/api/v1/freelancers";

    /** Escapes every non-ASCII character, so a lone surrogate reaches the service as {@code \uD800}. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<String> ID_FIELDS = List.of("jobId", "clientId", "freelancerId");
    private static final List<String> TEXT_FIELDS = List.of("jobId", "clientId", "freelancerId", "reason",
            "reasonText");
    /** Characters that no id may hold: every control, whitespace, separator and format character class. */
    private static final String FORBIDDEN_IN_IDS = "\u0000\u0001\u0007\u0008\t\n\u000B\u000C\r\u001B\u007F\u0085"
            + "\u009B \u00A0\u1680\u2000\u2028\u2029\u200B\u200E\u202E\u2066\u3000\uFEFF\uD800\uDFFF\uE000";
    /** Control characters refused in free text (tab, LF and CR LF are allowed; a lone CR is not). */
    private static final String FORBIDDEN_IN_TEXT = "\u0000\u0001\u0007\u0008\u000B\u000C\r\u001B\u007F\u0085\u009B";
    private static final List<String> MALFORMED_PATH_SEGMENTS = List.of("%00", "a%00b", "%zz", "%", "%E0%A4%A",
            "%2F", "a%2Fb", "..%2F..", "%C0%AE", "%5C", "%u0041", "a%0", "%%41", "\u0001", "a\u001B[31m", "a b");

    private HostileRequests() {
    }

    /** Hostile declines: the path, a body id, a JSON type, free text, sizes, the referee, the JSON itself, a header. */
    static Arbitrary<HostileRequest> declines() {
        Arbitrary<HostileRequest> badPathId = hostilePathIds().map(id ->
                post("an invitationId that is no id", DECLINE.formatted(percentEncoded(id)), validDecline()));
        Arbitrary<HostileRequest> badBodyId = Combinators.combine(Arbitraries.of(ID_FIELDS), hostileIds())
                .as((field, id) -> post("a " + field + " that is no id", declinePath(), declineWith(field, id)));
        Arbitrary<HostileRequest> wrongType = Combinators.combine(Arbitraries.of(TEXT_FIELDS), notAString())
                .as((field, value) -> post(field + " of the wrong JSON type", declinePath(),
                        declineWith(field, value)));
        Arbitrary<HostileRequest> badText = Combinators.combine(Arbitraries.of("reasonText", "referral.message"),
                        withOneOf(FORBIDDEN_IN_TEXT))
                .as((field, text) -> post("a control character in " + field, declinePath(),
                        field.equals("reasonText") ? declineWith(field, text) : referral("ana@mail.example", text)));
        Arbitrary<HostileRequest> tooLong = Arbitraries.of("reasonText", "referral.message", "body")
                .flatMap(field -> Arbitraries.integers().between(2_001, field.equals("body") ? 200_000 : 60_000)
                        .map(length -> {
                            String text = "x".repeat(field.equals("body") ? Math.max(length, 70_000) : length);
                            return post(field + " over its limit", declinePath(),
                                    field.equals("referral.message") ? referral("ana@mail.example", text)
                                            : declineWith("reasonText", text));
                        }));
        Arbitrary<HostileRequest> badReferee = badReferees().map(referee ->
                post("a referee that is no profile URL or email", declinePath(), referral(referee, null)));
        Arbitrary<HostileRequest> badJson = malformedJson().map(json ->
                post("malformed or misshapen JSON", declinePath(), json));
        Arbitrary<HostileRequest> badReason = Arbitraries.strings().ofMaxLength(30).filter(reason -> !List.of(
                        "TOO_BUSY", "NOT_A_FIT", "BUDGET_TOO_LOW", "OTHER").contains(reason))
                .map(reason -> post("an unknown reason", declinePath(), declineWith("reason", reason)));
        Arbitrary<HostileRequest> unknownProperty = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .filter(name -> !List.of("jobId", "clientId", "freelancerId", "reason", "reasonText", "referral")
                        .contains(name))
                .map(name -> post("an unknown property", declinePath(), declineWith(name, "x")));
        Arbitrary<HostileRequest> badKey = hostileIdempotencyKeys().map(key ->
                new HostileRequest("a hostile Idempotency-Key", "POST", declinePath(), validDecline(),
                        List.of("Idempotency-Key", key)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, badPathId), Tuple.of(4, badBodyId),
                Tuple.of(3, wrongType), Tuple.of(3, badText),
                Tuple.of(1, tooLong), Tuple.of(3, badReferee),
                Tuple.of(3, badJson), Tuple.of(1, badReason),
                Tuple.of(1, unknownProperty), Tuple.of(2, badKey),
                Tuple.of(2, malformedPaths(DECLINE, "POST")),
                Tuple.of(1, withHugeHeader(badBodyId)));
    }

    /** Hostile reads of one view, whose path has one id: a bad id, a malformed path, a huge header. */
    static Arbitrary<HostileRequest> reads(String template, String query) {
        Arbitrary<HostileRequest> badId = hostilePathIds().map(id ->
                get("a path id that is no id", template.formatted(percentEncoded(id)) + query));
        return Arbitraries.frequencyOf(Tuple.of(6, badId),
                Tuple.of(3, malformedPaths(template + query, "GET")),
                Tuple.of(1, withHugeHeader(badId)));
    }

    /** Hostile query parameters of the Referrals view, with a valid freelancer id. */
    static Arbitrary<HostileRequest> referralsViewParameters() {
        String path = REFERRALS_VIEW.formatted("freelancer-1");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20)
                        .filter(role -> !role.equalsIgnoreCase("referrer") && !role.equalsIgnoreCase("referee"))
                        .map(role -> get("an unknown role", path + "?role=" + percentEncoded(role))),
                badPaging().map(paging -> get("a bad page or size", path + "?role=referrer&" + paging)));
    }

    /** Hostile searches: q with a control character, over its limit, blank or missing, or bad paging. */
    static Arbitrary<HostileRequest> searches() {
        return Arbitraries.oneOf(
                withOneOf(FORBIDDEN_IN_TEXT).map(q -> get("a control character in q", search(q))),
                Arbitraries.integers().between(201, 5_000).map(length -> get("q over its limit",
                        search("q".repeat(length)))),
                Arbitraries.strings().withChars(" \t\n").ofMaxLength(5).map(q -> get("a blank q", search(q))),
                badPaging().map(paging -> get("a bad page or size", SEARCH + "?q=ana&" + paging)),
                Arbitraries.just(get("no q", SEARCH)),
                Arbitraries.integers().between(9_000, 20_000).map(length -> get("a URL over the header limit",
                        search("q".repeat(length)))));
    }

    /** Ids that break the format: empty, too long, or holding one forbidden character anywhere. */
    static Arbitrary<String> hostileIds() {
        return Arbitraries.oneOf(
                withOneOf(FORBIDDEN_IN_IDS),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(Ids.MAX_LENGTH + 1).ofMaxLength(3_000),
                Arbitraries.of("\u001B[31mred\u001B[0m", "id\r\nX-Injected: yes", "id\u0000", "' OR 1=1 --",
                        "\u202Egnp.exe", "a".repeat(5_000)));
    }

    /**
     * Hostile ids that a URL can carry: without lone surrogates, which UTF-8 cannot encode (an encoder would send
     * {@code ?} instead, a valid id). Bodies carry them as JSON escapes.
     */
    static Arbitrary<String> hostilePathIds() {
        return hostileIds().filter(id -> id.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    private static Arbitrary<String> withOneOf(String forbidden) {
        Arbitrary<String> around = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30);
        Arbitrary<Character> bad = Arbitraries.of(forbidden.chars().mapToObj(c -> (char) c).toList());
        return Combinators.combine(around, bad, around).as((before, c, after) -> before + c + after);
    }

    private static Arbitrary<Object> notAString() {
        return Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(List.of("x")), Arbitraries.just(Map.of("id", "x")),
                Arbitraries.longs().map(Object.class::cast));
    }

    private static Arbitrary<String> badReferees() {
        return Arbitraries.oneOf(
                Arbitraries.of("https://marketplace.evil.example/freelancers/ana",
                        "https://ana:secret@marketplace.example/freelancers/ana", "javascript:alert(1)",
                        "ftp://marketplace.example/freelancers/ana", "https://marketplace.example/jobs/ana",
                        "https://marketplace.example/freelancers/../admin", "https://marketplace.example/freelancers/",
                        "marketplace.example/freelancers/ana", "ana@localhost", "@mail.example", "ana@@mail.example",
                        "https://marketplace.example/freelancers/ana%00", "https://marketplace.example/freelancers/a b",
                        "data:text/html,<script>", "\\\\marketplace.example\\freelancers\\ana", "   "),
                Arbitraries.integers().between(2_100, 10_000).map(length ->
                        "https://marketplace.example/freelancers/ana?q=" + "x".repeat(length)),
                withOneOf(FORBIDDEN_IN_TEXT).map(text -> "https://marketplace.example/freelancers/ana" + text
                        + "x"));
    }

    private static Arbitrary<String> malformedJson() {
        String valid = validDecline();
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, valid.length() - 1).map(end -> valid.substring(0, end)),
                Arbitraries.of("[]", "\"decline\"", "42", "true", "null", "{}", "{\"jobId\": }", "{'jobId': 'j'}",
                        "{\"jobId\": \"j\u0001\"}", "{\"jobId\": \"j\"} {\"jobId\": \"k\"}", "\u0000", "<xml/>",
                        "{\"referral\": \"ana@mail.example\", \"jobId\": \"j\", \"clientId\": \"c\"}"),
                Arbitraries.strings().ofMaxLength(200).filter(text -> !text.startsWith("{")));
    }

    private static Arbitrary<String> hostileIdempotencyKeys() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(256, 7_000).map("k"::repeat),
                Arbitraries.integers().between(9_000, 20_000).map("k"::repeat),
                withOneOf("\u0001\u0007\u001B\u007F"));
    }

    private static Arbitrary<String> badPaging() {
        return Arbitraries.oneOf(
                Arbitraries.integers().lessOrEqual(-1).map(page -> "page=" + page),
                Arbitraries.integers().between(101, Integer.MAX_VALUE).map(size -> "size=" + size),
                Arbitraries.integers().lessOrEqual(0).map(size -> "size=" + size),
                Arbitraries.of("page=abc", "size=1e3", "page=99999999999", "size=%00", "page=true", "size=0x10"));
    }

    private static Arbitrary<HostileRequest> malformedPaths(String template, String method) {
        return Arbitraries.of(MALFORMED_PATH_SEGMENTS).map(segment -> new HostileRequest("a malformed path", method,
                template.formatted(segment), method.equals("POST") ? validDecline() : null, List.of()));
    }

    private static Arbitrary<HostileRequest> withHugeHeader(Arbitrary<HostileRequest> requests) {
        return Combinators.combine(requests, Arbitraries.integers().between(9_000, 30_000)).as((request, size) ->
                new HostileRequest(request.why() + ", with a huge header", request.method(), request.target(),
                        request.body(), List.of("X-Filler", "f".repeat(size))));
    }

    private static HostileRequest post(String why, String target, String body) {
        return new HostileRequest(why, "POST", target, body, List.of());
    }

    private static HostileRequest get(String why, String target) {
        return new HostileRequest(why, "GET", target, null, List.of());
    }

    private static String declinePath() {
        return DECLINE.formatted("inv-1");
    }

    private static String search(String q) {
        return SEARCH + "?q=" + percentEncoded(q);
    }

    private static String validDecline() {
        return declineWith("reason", "TOO_BUSY");
    }

    /** A valid decline without a referral, with one property replaced by the given value. */
    static String declineWith(String property, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", "job-hostile");
        body.put("clientId", "client-1");
        body.put("freelancerId", "freelancer-1");
        body.put(property, value);
        return JSON.writeValueAsString(body);
    }

    /** A valid decline with a referral of this referee (any JSON value) and message. */
    static String referral(Object referee, String message) {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("freelancer", referee);
        if (message != null) {
            referral.put("message", message);
        }
        return declineWith("referral", referral);
    }

    /** Every byte but the unreserved ones as {@code %XX}, so the path variable decodes to exactly this text. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
