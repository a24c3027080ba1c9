package dev.referrals.worker.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MimeMessage that keeps its deterministic Message-ID: JavaMail replaces the Message-ID with a random one every
 * time a message is saved, which happens again just before it is sent.
 */
final class FixedMessageIdMimeMessage extends MimeMessage {

    static final String HEADER = "Message-ID";

    private final MessageId messageId;

    FixedMessageIdMimeMessage(Session session, MessageId messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader(HEADER, messageId.value());
    }
}
