package dev.referrals.schemas.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistrarCommandTest {

    private final String url = "mock://registrar-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RegistrarCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private SchemaRegistryClient client() {
        return SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", url));
    }

    @Test
    void registerPutsEverySubjectUnderTheProjectLevelAndCheckThenFindsThemAllRegistered() {
        assertThat(run("register", "--url", url, "--prefix", "t1.")).isZero();

        SchemaRegistryClient client = client();
        assertThat(client.subjects()).hasSize(Topics.ALL.size()).allMatch(subject -> subject.startsWith("t1."));
        assertThat(client.compatibility("t1.referrals.referral-requested-value"))
                .isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);

        out.reset();
        assertThat(run("check", "--url", url, "--prefix", "t1.", "--require-registered")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(Topics.ALL.size())
                .allMatch(line -> line.contains("registered: id"));
    }

    @Test
    void registeringTwiceKeepsEveryIdAndVersion() {
        run("register", "--url", url);
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();

        run("register", "--url", url);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void checkReportsAnIncompatibleSubjectAndExitsWithOne() {
        Schema older = new Schema.Parser().parse("""
                {"type": "record", "name": "InviteDeclined", "namespace": "dev.referrals.events",
                 "fields": [{"name": "eventId", "type": "int"}]}""");
        client().register(Topics.INVITE_DECLINED.valueSubject(), older);

        assertThat(run("check", "--url", url)).isEqualTo(RegistrarCommand.CHECK_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("referrals.invite-declined-value")
                .contains("INCOMPATIBLE")
                .contains("referrals.jobs-value".replace("referrals.", "marketplace."));
    }

    @Test
    void checkWithoutRequireRegisteredAcceptsSubjectsThatDoNotExistYet() {
        assertThat(run("check", "--url", url)).isZero();
        assertThat(run("check", "--url", url, "--require-registered")).isEqualTo(RegistrarCommand.CHECK_FAILED);
    }

    @Test
    void aMissingUrlIsAUsageErrorNamingTheOption() {
        assertThat(run("register")).isEqualTo(RegistrarCommand.USAGE_OR_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url is required").contains("usage:");
    }

    @Test
    void anUnreachableRegistryIsReportedInOneLineWithExitTwo() {
        int status = run("check", "--url", "http://127.0.0.1:1");

        assertThat(status).isEqualTo(RegistrarCommand.USAGE_OR_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Schema registry at http://127.0.0.1:1 failed");
    }

    @Test
    void credentialsForAnHttpRegistryAreRefusedWithoutTheFlagAndNeverPrinted() {
        int refused = run("check", "--url", "http://127.0.0.1:1", "--user-info", "ops:hunter2-secret");

        assertThat(refused).isEqualTo(RegistrarCommand.USAGE_OR_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("plain http").doesNotContain("hunter2-secret");

        err.reset();
        int allowed = run("check", "--url", "http://ops:hunter2-secret@127.0.0.1:1", "--allow-credentials-over-http");

        assertThat(allowed).isEqualTo(RegistrarCommand.USAGE_OR_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Schema registry at http://ops:****@127.0.0.1:1")
                .doesNotContain("hunter2-secret");
    }
}
