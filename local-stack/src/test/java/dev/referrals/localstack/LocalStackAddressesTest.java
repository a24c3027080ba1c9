package dev.referrals.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@LocalStackTest
class LocalStackAddressesTest {

    private static final int OK = 200;

    @Test
    void schemaRegistryAnswersOnItsUrl(LocalStack stack) throws Exception {
        String url = stack.schemaRegistryUrl().orElseThrow();

        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/subjects")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(subjects.statusCode()).isEqualTo(OK);
    }

    @Test
    void launcherPrintsEveryAddress(LocalStack stack) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LocalStackMain.printAddresses(stack, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(stack.kafkaBootstrapServers())
                .contains(stack.schemaRegistryUrl().orElseThrow())
                .contains("jdbc:postgresql://localhost:")
                .contains(stack.mail().host() + ":" + stack.mail().smtpPort())
                .contains(stack.mail().host() + ":" + stack.mail().imapPort());
    }
}
