package dev.referrals.worker;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The parts of a received email, found wherever they sit in its MIME tree.
 *
 * @param text        the text/plain part
 * @param html        the text/html part
 * @param alternative whether the two are the alternatives of one multipart/alternative
 */
public record MailParts(String text, String html, boolean alternative) {

    public static MailParts of(MimeMessage message) throws Exception {
        Found found = new Found();
        found.walk(message);
        return new MailParts(found.text, found.html, found.alternative);
    }

    private static final class Found {

        private String text;
        private String html;
        private boolean alternative;

        void walk(Part part) throws Exception {
            if (part.isMimeType("multipart/alternative")) {
                Multipart multipart = (Multipart) part.getContent();
                alternative = multipart.getCount() == 2 && isType(multipart.getBodyPart(0), "text/plain")
                        && isType(multipart.getBodyPart(1), "text/html");
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }

        private static boolean isType(BodyPart part, String type) throws Exception {
            return part.isMimeType(type);
        }
    }
}
