package dev.referrals.localrun.mailpage;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One received email, read once into what the page shows. */
record ReceivedMail(int index, String messageId, String from, String to, String subject, String date, String text,
                    String html) {

    private static final String NONE = "";

    static List<ReceivedMail> all(List<MimeMessage> messages) throws MessagingException {
        List<ReceivedMail> mails = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            mails.add(of(i, messages.get(i)));
        }
        return mails;
    }

    static ReceivedMail of(int index, MimeMessage message) throws MessagingException {
        Parts parts = new Parts();
        try {
            parts.collect(message);
        } catch (IOException unreadable) {
            throw new MessagingException("cannot read message " + index, unreadable);
        }
        return new ReceivedMail(index, String.valueOf(message.getMessageID()), addresses(message.getFrom()),
                addresses(message.getRecipients(Message.RecipientType.TO)), String.valueOf(message.getSubject()),
                message.getSentDate() == null ? NONE : message.getSentDate().toInstant().toString(),
                parts.text, parts.html);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("messageId", messageId);
        map.put("from", from);
        map.put("to", to);
        map.put("subject", subject);
        map.put("date", date);
        map.put("text", text);
        map.put("html", html);
        return map;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? NONE
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The first text/plain and text/html parts, wherever they sit in the multipart tree. */
    private static final class Parts {
        private String text = NONE;
        private String html = NONE;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
