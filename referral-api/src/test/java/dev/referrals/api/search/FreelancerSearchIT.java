package dev.referrals.api.search;

import static dev.referrals.api.support.Events.account;
import static dev.referrals.api.support.Events.at;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.api.support.EventLog;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.schemas.Topics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/freelancers?q=}: the referrer's search (R14), built from marketplace.accounts. Only active
 * freelancers are found; clients, closed and erased accounts are not; no email is ever shown.
 */
class FreelancerSearchIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @Test
    void activeFreelancersAreFoundByAnyCaseSubstringOfTheirNameOrProfileUrlAndNobodyElseIs() {
        String token = token();
        String ana = id("ana");
        publish(ana, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Ana Lima " + token, 0);
        publish(id("client"), AccountKind.CLIENT, AccountStatus.ACTIVE, "Ana Client " + token, 0);
        publish(id("closed"), AccountKind.FREELANCER, AccountStatus.CLOSED, "Ana Closed " + token, 0);
        String barrier = id("zed");
        publish(barrier, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Zed " + token, 0);
        awaitSearch(token, ids -> ids.contains(barrier));

        JsonNode byName = search("ana lima " + token.toUpperCase()).json();
        assertThat(accountIds(byName)).containsExactly(ana);
        JsonNode found = byName.get("items").get(0);
        assertThat(found.get("displayName").asString()).isEqualTo("Ana Lima " + token);
        assertThat(found.get("profileUrl").asString()).isEqualTo("https://marketplace.example/freelancers/" + ana);
        assertThat(found.has("email")).isFalse();
        assertThat(byName.toString()).doesNotContain("@");
        assertThat(accountIds(search("freelancers/" + ana).json())).containsExactly(ana);
        assertThat(accountIds(search(token).json())).containsExactlyInAnyOrder(ana, barrier);
    }

    @Test
    void anErasedOrClosedFreelancerDisappearsFromTheSearch() {
        String token = token();
        String erased = id("erased");
        String closing = id("closing");
        publish(erased, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Erased " + token, 0);
        publish(closing, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Closing " + token, 0);
        awaitSearch(token, ids -> ids.size() == 2);

        events.publishBytes(Topics.ACCOUNTS, erased, null);
        publish(closing, AccountKind.FREELANCER, AccountStatus.CLOSED, "Closing " + token, 5);

        awaitSearch(token, List::isEmpty);
    }

    @Test
    void aReplayedAccountRecordDoesNotBringAnErasedFreelancerBackIntoTheSearch() {
        String token = token();
        String erased = id("erased");
        publish(erased, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Erased " + token, 0);
        awaitSearch(token, ids -> ids.contains(erased));
        events.publishBytes(Topics.ACCOUNTS, erased, null);
        awaitSearch(token, List::isEmpty);

        // What a reset consumer group or a not yet compacted segment replays: the old record, and a newer one.
        publish(erased, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Erased " + token, 0);
        publish(erased, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Erased " + token, 60);
        String barrier = EventLog.keyOnTheSamePartitionAs(erased, Topics.ACCOUNTS);
        publish(barrier, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Barrier " + token, 0);
        awaitSearch(token, ids -> ids.contains(barrier));

        assertThat(accountIds(search(token).json())).containsExactly(barrier);
        assertThat(jdbc.sql("SELECT count(*) FROM erased_accounts WHERE account_id = ?").param(erased)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aRedeliveredOrOlderAccountDoesNotBringBackAnOldName() {
        String token = token();
        String accountId = id("renamed");
        publish(accountId, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Old Name " + token, 0);
        publish(accountId, AccountKind.FREELANCER, AccountStatus.ACTIVE, "New Name " + token, 10);
        awaitSearch("New Name " + token, ids -> ids.contains(accountId));

        publish(accountId, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Old Name " + token, 0);
        publish(accountId, AccountKind.FREELANCER, AccountStatus.ACTIVE, "New Name " + token, 10);
        String barrier = EventLog.keyOnTheSamePartitionAs(accountId, Topics.ACCOUNTS);
        publish(barrier, AccountKind.FREELANCER, AccountStatus.ACTIVE, "Barrier " + token, 0);
        awaitSearch("Barrier " + token, ids -> ids.contains(barrier));

        assertThat(accountIds(search("Old Name " + token).json())).isEmpty();
        assertThat(accountIds(search("New Name " + token).json())).containsExactly(accountId);
    }

    @Test
    void theSearchIsPagedByName() {
        String token = token();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Carla", "Bea", "Abe")) {
            String accountId = id(name.toLowerCase());
            ids.add(accountId);
            publish(accountId, AccountKind.FREELANCER, AccountStatus.ACTIVE, name + " " + token, 0);
        }
        awaitSearch(token, found -> found.size() == 3);

        JsonNode first = api.get("/api/v1/freelancers?q=" + token + "&page=0&size=2").json();
        JsonNode second = api.get("/api/v1/freelancers?q=" + token + "&page=1&size=2").json();

        assertThat(accountIds(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(accountIds(second)).containsExactly(ids.get(0));
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
    }

    @Test
    void wildcardsInTheQueryMatchOnlyThemselves() {
        assertThat(accountIds(search("%%").json())).isEmpty();
        assertThat(accountIds(search("__").json())).isEmpty();
    }

    @Test
    void aMissingOrBlankQueryIsRefusedNamingQ() {
        for (String path : List.of("/api/v1/freelancers", "/api/v1/freelancers?q=%20", "/api/v1/freelancers?q=")) {
            ApiClient.Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        }
    }

    private void publish(String accountId, AccountKind kind, AccountStatus status, String name, long secondsAfterT0) {
        events.publish(Topics.ACCOUNTS, accountId, account(accountId, kind, status, name, at(secondsAfterT0)));
    }

    private List<String> awaitSearch(String query, Predicate<List<String>> condition) {
        return await().atMost(PROJECTED).until(() -> accountIds(search(query).json()), condition);
    }

    private ApiClient.Answer search(String query) {
        return api.get("/api/v1/freelancers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> accountIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("accountId").asString()));
        return ids;
    }

    /** A word no other test's names contain, so each test searches only its own accounts. */
    private static String token() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
