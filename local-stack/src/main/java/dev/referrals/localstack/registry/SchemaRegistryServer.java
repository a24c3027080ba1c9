package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Schema Registry that speaks Confluent's REST API v1 for Avro and keeps its state, like Confluent's, in a
 * compacted {@code _schemas} topic, so ids survive restarts. For local development and tests; production points
 * at Confluent Schema Registry. See {@code package-info.java} for what it covers.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(
 *         SchemaRegistrySettings.forBootstrapServers(broker.bootstrapServers()))) {
 *     String url = registry.url(); // schema.registry.url
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int HTTP_THREADS = 4;
    private static final int BACKLOG = 0;
    private static final int STOP_IMMEDIATELY = 0;
    private static final String WILDCARD_IPV4 = "0.0.0.0";
    private static final String WILDCARD_IPV6 = "::";

    private final HttpServer http;
    private final ExecutorService executor;
    private final SchemaRegistry registry;
    private final String url;
    private volatile boolean closed;

    private SchemaRegistryServer(HttpServer http, ExecutorService executor, SchemaRegistry registry, String url) {
        this.http = http;
        this.executor = executor;
        this.registry = registry;
        this.url = url;
    }

    /**
     * Binds the port, opens (and if needed creates) the topic, replays it, and only then starts answering.
     *
     * @throws RegistryStartupException with a one-line reason naming the setting to change
     */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings) {
        // Probe the port first, so a busy one fails fast instead of after Kafka; bind it only once the state is
        // loaded, so the port never answers before the registry knows its ids.
        requireFreePort(settings);
        ObjectMapper json = new ObjectMapper();
        SchemaRegistry registry = openRegistry(settings, json);
        HttpServer http;
        try {
            http = bind(settings);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        Router router = new Router();
        new SubjectEndpoints(registry).addTo(router);
        new SchemaEndpoints(registry).addTo(router);
        new ConfigEndpoints(registry).addTo(router);
        router.add("GET", "/", request -> Response.ok(Map.of()))
                .add(Router.ANY_METHOD, "/associations/**", request -> {
                    throw RegistryException.httpNotFound();
                });
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
        http.setExecutor(executor);
        http.createContext("/", new RegistryHttpHandler(router, json));
        http.start();
        String url = "http://" + urlHost(settings.host()) + ":" + http.getAddress().getPort();
        log.info("Schema registry listening on {} with state in topic '{}' at {}", url, settings.topic(),
                settings.bootstrapServers());
        return new SchemaRegistryServer(http, executor, registry, url);
    }

    /** The base URL clients use as {@code schema.registry.url}, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(STOP_IMMEDIATELY);
        executor.shutdownNow();
        registry.close();
        log.info("Schema registry on {} stopped", url);
    }

    /**
     * Runs the registry alone until the JVM is stopped. Options {@code --host=}, {@code --port=},
     * {@code --bootstrap-servers=}, {@code --topic=}, {@code --compatibility=}; see {@link CommandLineSettings}.
     */
    public static void main(String[] args) throws InterruptedException {
        SchemaRegistryServer server;
        try {
            server = start(CommandLineSettings.parse(args, System.getenv()));
        } catch (RegistryStartupException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        System.out.println("Schema registry at " + server.url());
        stopped.await();
    }

    private static SchemaRegistry openRegistry(SchemaRegistrySettings settings, ObjectMapper json) {
        KafkaRegistryLog kafkaLog = KafkaRegistryLog.open(settings.bootstrapServers(), settings.topic(),
                settings.kafkaTimeout(), new RegistryRecordCodec(json));
        try {
            return new SchemaRegistry(kafkaLog, settings.defaultCompatibility());
        } catch (RegistryException e) {
            kafkaLog.close();
            throw new RegistryStartupException("Schema registry could not read topic '" + settings.topic()
                    + "' at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    private static void requireFreePort(SchemaRegistrySettings settings) {
        InetSocketAddress address = address(settings);
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            throw cannotListen(settings, e);
        }
    }

    private static HttpServer bind(SchemaRegistrySettings settings) {
        try {
            return HttpServer.create(address(settings), BACKLOG);
        } catch (IOException e) {
            throw cannotListen(settings, e);
        }
    }

    private static InetSocketAddress address(SchemaRegistrySettings settings) {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new RegistryStartupException("Schema registry cannot listen on host '" + settings.host()
                    + "': the name does not resolve; change the host setting (host, --host)", null);
        }
        return address;
    }

    private static RegistryStartupException cannotListen(SchemaRegistrySettings settings, IOException e) {
        String where = settings.host() + ":" + settings.port();
        if (e instanceof BindException) {
            return new RegistryStartupException("Schema registry cannot listen on " + where + " (" + e.getMessage()
                    + "); port " + settings.port() + " is taken or not allowed: stop what holds it or change the"
                    + " port setting (port, --port; 0 picks a free one)", e);
        }
        return new RegistryStartupException("Schema registry cannot listen on " + where + ": " + e.getMessage()
                + "; change the host or port setting (host, port, --host, --port)", e);
    }

    private static String urlHost(String host) {
        if (WILDCARD_IPV4.equals(host) || WILDCARD_IPV6.equals(host)) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
