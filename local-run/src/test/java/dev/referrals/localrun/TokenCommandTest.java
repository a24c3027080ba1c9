package dev.referrals.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.auth.LocalAuthorizationServer;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./referrals-local token ...} against a real authorization server: the token alone, on its line. */
@LocalStackTest
class TokenCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearPort() {
        System.clearProperty(Setting.AUTH_PORT.systemProperty());
    }

    @Test
    void aUsersTokenIsPrintedAloneOnItsLineWithTheAccountAsSubject(LocalAuthorizationServer server) throws Exception {
        pointAt(server);

        TokenCommand.run(List.of("ana"), out);

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(SignedJWT.parse(lines.get(0)).getJWTClaimsSet().getSubject()).isEqualTo("ana");
    }

    @Test
    void theServiceAndOpsTokensCarryTheirClientsScopes(LocalAuthorizationServer server) throws Exception {
        pointAt(server);

        TokenCommand.run(List.of("--service"), out);
        TokenCommand.run(List.of("--ops"), out);

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(SignedJWT.parse(lines.get(0)).getJWTClaimsSet().getStringListClaim("scope"))
                .containsExactlyInAnyOrder(LocalIdentities.SCOPE_DECLINE, LocalIdentities.SCOPE_READ);
        assertThat(SignedJWT.parse(lines.get(1)).getJWTClaimsSet().getStringListClaim("scope"))
                .containsExactly(LocalIdentities.SCOPE_OPS);
    }

    @Test
    void withoutARunningServerItSaysWhatToStartAndWhichSettingMovesThePort() {
        System.setProperty(Setting.AUTH_PORT.systemProperty(), String.valueOf(LocalPorts.resolve(0)));

        assertThatThrownBy(() -> TokenCommand.run(List.of("ana"), out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start ./referrals-local first")
                .hasMessageContaining("REFERRALS_LOCAL_AUTH_PORT");
    }

    @Test
    void helpPrintsTheUsageAndAnUnknownOptionIsRefused() {
        TokenCommand.run(List.of("--help"), out);

        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./referrals-local token");
        assertThatThrownBy(() -> TokenCommand.run(List.of("--admin"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option: --admin");
        assertThatThrownBy(() -> TokenCommand.run(List.of(), out)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void pointAt(LocalAuthorizationServer server) {
        System.setProperty(Setting.AUTH_PORT.systemProperty(),
                String.valueOf(URI.create(server.issuerUri()).getPort()));
    }
}
