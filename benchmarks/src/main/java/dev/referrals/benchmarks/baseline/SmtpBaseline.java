package dev.referrals.benchmarks.baseline;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The SMTP sink on its own: JavaMail sending messages shaped like the worker's (multipart/alternative, a plain-text
 * and an HTML part) to the local stack's sink, with a new connection per message, as the worker sends each email,
 * and over one connection for all.
 */
public final class SmtpBaseline {

    private static final String FROM = "no-reply@referrals.localhost";
    private static final String TEXT = "Freelancer 1 referred you for Benchmark job 1.\n\n"
            + "I worked with them on three projects like this one; they deliver.\n\n"
            + "See the invitation: http://localhost:8080/freelancers/fl-1/referrals\n";
    private static final String HTML = "<html><body><p>Freelancer 1 referred you for <b>Benchmark job 1</b>.</p>"
            + "<blockquote>I worked with them on three projects like this one; they deliver.</blockquote>"
            + "<p><a href=\"http://localhost:8080/freelancers/fl-1/referrals\">See the invitation</a></p></body></html>";
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * @param connectionPerMessagePerSecond messages per second, each on a new SMTP connection
     * @param oneConnectionPerSecond        messages per second over a single connection
     */
    public record Figures(double connectionPerMessagePerSecond, double oneConnectionPerSecond) {
    }

    public Figures measure(String host, int port, int messages) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        try {
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                Transport.send(message(session, i));
            }
            double perConnection = messages / ((System.nanoTime() - start) / NANOS_PER_SECOND);
            start = System.nanoTime();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < messages; i++) {
                    MimeMessage message = message(session, i);
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            double oneConnection = messages / ((System.nanoTime() - start) / NANOS_PER_SECOND);
            return new Figures(perConnection, oneConnection);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP baseline failed: " + e.getMessage(), e);
        }
    }

    private static MimeMessage message(Session session, int n) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(FROM));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("smtp-baseline-" + n + "@bench.example"));
        message.setSubject("Freelancer 1 referred you for Benchmark job " + n, StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(HTML, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }
}
