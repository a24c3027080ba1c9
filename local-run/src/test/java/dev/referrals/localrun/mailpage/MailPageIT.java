package dev.referrals.localrun.mailpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.mail.MailSink;
import dev.referrals.localstack.junit.LocalStackTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@LocalStackTest
class MailPageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsReceivedMailEscapedAndServesBothPartsWithTheHtmlInASandbox(MailSink mail) throws Exception {
        String recipient = "page-" + UUID.randomUUID() + "@example.test";
        send(mail, recipient, "Hello <b>there</b>", "plain words", "<p>rich <script>alert(1)</script></p>");
        mail.awaitMessagesFor(recipient, 1, Duration.ofSeconds(10));

        try (MailPage page = MailPage.start("localhost", 0, mail, "REFERRALS_LOCAL_MAIL_PAGE_PORT")) {
            String list = get(page.url()).body();
            assertThat(list).contains("Hello &lt;b&gt;there&lt;/b&gt;").doesNotContain("Hello <b>");

            String messages = get(page.url() + "api/messages").body();
            assertThat(messages).contains(recipient).contains("plain words").contains("rich <script>");

            int index = mail.receivedMessages().size() - 1;
            assertThat(get(page.url() + "messages/" + index).body())
                    .contains("plain words").contains("<iframe sandbox src=\"/messages/" + index + "/html\"");
            HttpResponse<String> html = get(page.url() + "messages/" + index + "/html");
            assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).startsWith("sandbox"));
            assertThat(get(page.url() + "messages/99999").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aBusyPortIsOneLineNamingTheSetting(MailSink mail) {
        try (MailPage first = MailPage.start("localhost", 0, mail, "REFERRALS_LOCAL_MAIL_PAGE_PORT")) {
            assertThatThrownBy(
                            () -> MailPage.start("localhost", first.port(), mail, "REFERRALS_LOCAL_MAIL_PAGE_PORT"))
                    .hasMessage("Mail page cannot listen on localhost:%d (port in use); set "
                            + "REFERRALS_LOCAL_MAIL_PAGE_PORT to a free port", first.port());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(MailSink mail, String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.host());
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("sender@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "utf-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=utf-8");
        message.setContent(new MimeMultipart("alternative", plain, rich));
        Transport.send(message);
    }
}
