package dev.referrals.localrun.mailpage;

import java.util.List;

/** The page's HTML. Everything taken from an email is escaped; an email's own HTML is shown only in a sandbox. */
final class Pages {

    private static final String HEAD = """
            <!doctype html><html><head><meta charset="utf-8"><title>%s</title><style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%%}
            td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
            iframe{width:100%%;height:28rem;border:1px solid #ccc}pre{background:#f6f6f6;padding:1rem;white-space:pre-wrap}
            </style></head><body>""";
    private static final String TAIL = "</body></html>";

    private Pages() {
    }

    static String list(List<ReceivedMail> messages) {
        StringBuilder page = new StringBuilder(HEAD.formatted("Mail sink"))
                .append("<h1>Mail sink</h1><p>").append(messages.size())
                .append(" message(s) received over SMTP. Reload to see new ones; IMAP has the same mail.</p>")
                .append("<table><tr><th>#</th><th>To</th><th>Subject</th><th>From</th><th>Date</th></tr>");
        for (ReceivedMail message : messages) {
            page.append("<tr><td>").append(message.index()).append("</td><td>").append(escape(message.to()))
                    .append("</td><td><a href=\"/messages/").append(message.index()).append("\">")
                    .append(escape(message.subject())).append("</a></td><td>").append(escape(message.from()))
                    .append("</td><td>").append(escape(message.date())).append("</td></tr>");
        }
        return page.append("</table>").append(TAIL).toString();
    }

    static String message(ReceivedMail message) {
        return HEAD.formatted(escape(message.subject()))
                + "<p><a href=\"/\">&larr; all messages</a></p><h1>" + escape(message.subject()) + "</h1>"
                + "<table><tr><th>From</th><td>" + escape(message.from()) + "</td></tr>"
                + "<tr><th>To</th><td>" + escape(message.to()) + "</td></tr>"
                + "<tr><th>Date</th><td>" + escape(message.date()) + "</td></tr>"
                + "<tr><th>Message-ID</th><td>" + escape(message.messageId()) + "</td></tr></table>"
                + "<h2>HTML part</h2><iframe sandbox src=\"/messages/" + message.index() + "/html\"></iframe>"
                + "<h2>Text part</h2><pre>" + escape(message.text()) + "</pre>" + TAIL;
    }

    static String notFound() {
        return HEAD.formatted("Not found") + "<p>No such message. <a href=\"/\">All messages</a></p>" + TAIL;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
