package dev.referrals.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.mail.MailClient;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each fault control of the stack takes its piece down for real, and brings it back where it was with its state.
 * The stack is this class's own: the shared one must stay up for every other test.
 */
class StackFaultsTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStackSettings.forTests());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void aStoppedRegistryRefusesConnectionsAndComesBackOnItsUrlWithItsSchemas() throws Exception {
        TopicNamespace namespace = stack.newTopicNamespace();
        String url = stack.schemaRegistryUrl().orElseThrow();
        String subject = "/subjects/" + namespace.valueSubject(Topics.REFERRAL_REQUESTED) + "/versions/latest";
        HttpResponse<String> before = get(url + subject);
        assertThat(before.statusCode()).isEqualTo(200);

        stack.faults().stopRegistry();

        assertThatThrownBy(() -> get(url + subject)).isInstanceOf(ConnectException.class);

        stack.faults().startRegistry();

        assertThat(stack.schemaRegistryUrl()).contains(url);
        HttpResponse<String> after = get(url + subject);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void aStoppedMailSinkRefusesSmtpAndKeepsItsMailForWhenItIsBack() throws Exception {
        MailSink sink = stack.mail();
        String recipient = "before-" + UUID.randomUUID() + "@example.test";
        MailClient.send(sink, recipient, "Before the outage");
        sink.awaitMessagesFor(recipient, 1, ARRIVAL);

        stack.faults().stopSmtp();

        assertThatThrownBy(() -> new Socket(sink.host(), sink.smtpPort()).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> MailClient.send(sink, recipient, "During the outage"))
                .isInstanceOf(MessagingException.class);
        assertThat(sink.receivedMessagesFor(recipient)).as("readable while down").hasSize(1);

        stack.faults().startSmtp();

        assertThat(stack.mail()).isSameAs(sink);
        MailClient.send(sink, recipient, "After the outage");
        assertThat(sink.awaitMessagesFor(recipient, 2, ARRIVAL))
                .extracting(MimeMessage::getSubject).containsExactly("Before the outage", "After the outage");
        assertThat(MailClient.inboxSubjects(sink, recipient)).containsExactly("Before the outage", "After the outage");
    }

    @Test
    void aPostgresRestartBreaksOpenConnectionsAndKeepsTheData() throws Exception {
        DatabaseCoordinates database = stack.newDatabase();
        int port = stack.postgres().embeddedPort().orElseThrow();
        try (Connection before = connect(database); Statement statement = before.createStatement()) {
            statement.execute("CREATE TABLE decision (id text PRIMARY KEY)");
            statement.execute("INSERT INTO decision VALUES ('d-1')");

            stack.faults().restartPostgres();

            assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }

        assertThat(stack.postgres().embeddedPort()).contains(port);
        try (Connection after = connect(database); Statement statement = after.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM decision")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("d-1");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aSingleBrokerStackCountsOneBroker() {
        assertThat(stack.faults().kafkaBrokers()).isEqualTo(1);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
