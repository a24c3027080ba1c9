package dev.referrals.localstack.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Sends to the sink over SMTP and reads it over IMAP, as the services and a developer's mail client do. */
public final class MailClient {

    private static final String ANY_PASSWORD = "anything";

    private MailClient() {
    }

    public static void send(MailSink sink, String recipient, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session(sink));
        message.setFrom(new InternetAddress("referrals@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject);
        message.setText("Hello");
        Transport.send(message);
    }

    /** The subjects in the recipient's inbox, read over IMAP, logged in as the recipient with any password. */
    public static List<String> inboxSubjects(MailSink sink, String recipient) throws MessagingException {
        Store store = session(sink).getStore("imap");
        store.connect(sink.host(), sink.imapPort(), recipient, ANY_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    private static Session session(MailSink sink) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", sink.host());
        properties.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
        return Session.getInstance(properties);
    }
}
