package dev.referrals.localrun.mailpage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.referrals.localstack.mail.MailSink;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small web page over the mail sink: the list of received emails, and each one's HTML and text parts.
 *
 * <p>{@code GET /} lists them; {@code GET /messages/{n}} shows one; {@code GET /messages/{n}/html} serves its HTML
 * part in a sandbox (no scripts, nothing loaded); {@code GET /api/messages} gives all of them as JSON for scripts.
 */
public final class MailPage implements AutoCloseable {

    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d+)(/html)?");
    private static final String HTML = "text/html; charset=utf-8";
    private static final String SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final int NOT_FOUND = 404;
    private static final int OK = 200;

    private final HttpServer server;
    private final MailSink mail;
    private final ObjectMapper json = new ObjectMapper();

    private MailPage(HttpServer server, MailSink mail) {
        this.server = server;
        this.mail = mail;
    }

    /**
     * @throws IllegalStateException with one line naming the port and the setting when the port is taken
     */
    public static MailPage start(String host, int port, MailSink mail, String portSetting) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            MailPage page = new MailPage(server, mail);
            server.createContext("/", page::handle);
            server.start();
            return page;
        } catch (BindException busy) {
            throw new IllegalStateException("Mail page cannot listen on %s:%d (port in use); set %s to a free port"
                    .formatted(host, port, portSetting), busy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mail page", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<ReceivedMail> messages = ReceivedMail.all(mail.receivedMessages());
            Matcher one = MESSAGE.matcher(path);
            if (path.equals("/")) {
                send(exchange, OK, HTML, Pages.list(messages), null);
            } else if (path.equals("/api/messages")) {
                send(exchange, OK, "application/json", json.writeValueAsString(
                        messages.stream().map(ReceivedMail::asMap).toList()), null);
            } else if (one.matches() && Integer.parseInt(one.group(1)) < messages.size()) {
                ReceivedMail message = messages.get(Integer.parseInt(one.group(1)));
                if (one.group(2) == null) {
                    send(exchange, OK, HTML, Pages.message(message), null);
                } else {
                    send(exchange, OK, HTML, message.html(), SANDBOX);
                }
            } else {
                send(exchange, NOT_FOUND, HTML, Pages.notFound(), null);
            }
        } catch (MessagingException unreadable) {
            throw new IOException("cannot read a received message", unreadable);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             String contentSecurityPolicy) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (contentSecurityPolicy != null) {
            exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
