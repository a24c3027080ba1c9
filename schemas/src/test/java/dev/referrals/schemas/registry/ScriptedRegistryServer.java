package dev.referrals.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers registry calls from a script and records every request, to test how the
 * REST client talks and reacts. It is not a registry: it knows nothing but what a test tells it.
 */
public final class ScriptedRegistryServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String pathAndQuery, com.sun.net.httpserver.Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One scripted answer, sent after the delay. */
    public record Reply(int status, String body, long delayMillis) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, 0);
        }

        public static Reply error(int status, int errorCode, String message) {
            return json(status, "{\"error_code\":" + errorCode + ",\"message\":\"" + message + "\"}");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Reply> queued = new ConcurrentLinkedDeque<>();
    private volatile Function<Request, Reply> fallback =
            request -> Reply.error(404, 40401, "nothing scripted for " + request.pathAndQuery());

    private ScriptedRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static ScriptedRegistryServer start() {
        try {
            return new ScriptedRegistryServer();
        } catch (IOException unavailable) {
            throw new IllegalStateException("Cannot open a loopback port", unavailable);
        }
    }

    /** The base URL, for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with these replies, in order, before falling back to the handler. */
    public ScriptedRegistryServer thenReply(Reply... replies) {
        queued.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not covered by queued replies. */
    public ScriptedRegistryServer otherwise(Function<Request, Reply> handler) {
        this.fallback = handler;
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
            requests.add(request);
            Reply next = queued.poll();
            Reply reply = next != null ? next : fallback.apply(request);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RegistryHttp.CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
