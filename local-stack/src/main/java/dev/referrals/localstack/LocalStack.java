package dev.referrals.localstack;

import dev.referrals.localstack.auth.LocalAuthorizationServer;
import dev.referrals.localstack.kafka.CatalogueTopics;
import dev.referrals.localstack.kafka.RunningKafka;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.localstack.postgres.Postgres;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.registration.SchemaRegistrar;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClientConfig;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the services need on one machine: a Kafka broker (or a cluster of three), the schema registry,
 * PostgreSQL, a mail sink and an OAuth2 authorization server.
 *
 * <p>Tests share one stack per JVM (see {@link SharedLocalStack}) and isolate themselves with
 * {@link #newTopicNamespace()} and {@link #newDatabase()}, which cost milliseconds where a new broker costs seconds.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private static final String WHAT = "Local stack";
    private static final String NAMESPACE_PREFIX = "it";
    private static final String DATABASE_PREFIX = "test_";
    /** Enough random characters that two JVMs on one persistent broker never pick the same names. */
    private static final int RANDOM_SUFFIX_LENGTH = 8;

    private final LocalStackSettings settings;
    private final RunningKafka kafka;
    private final Optional<RunningRegistry> registry;
    private final Postgres postgres;
    private final MailSink mail;
    private final LocalAuthorizationServer authorizationServer;
    private final CatalogueTopics catalogueTopics;
    private final StackFaults faults;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(LocalStackSettings settings, RunningKafka kafka, Optional<RunningRegistry> registry,
            Postgres postgres, MailSink mail, LocalAuthorizationServer authorizationServer) {
        this.settings = settings;
        this.kafka = kafka;
        this.registry = registry;
        this.postgres = postgres;
        this.mail = mail;
        this.authorizationServer = authorizationServer;
        this.catalogueTopics = new CatalogueTopics(kafka.bootstrapServers(), settings.deadLetterRetention(),
                kafka.brokers());
        this.faults = new StackFaults(kafka, registry, mail, postgres);
    }

    /**
     * Starts every piece, PostgreSQL in parallel with Kafka since neither needs the other.
     *
     * @throws LocalStackStartupException with a one-line message naming what failed and the setting to change;
     *                                    whatever had started is stopped again
     */
    public static LocalStack start(LocalStackSettings settings) {
        long startedAt = System.nanoTime();
        Optional<Path> dataDir = settings.dataDir()
                .map(dir -> StateDirectory.requireWritable(WHAT, dir, Setting.DATA_DIR));
        Deque<AutoCloseable> started = new ArrayDeque<>();
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-stack-postgres-start");
            thread.setDaemon(true);
            return thread;
        });
        Future<Postgres> postgresStart = background.submit(() -> Postgres.start(settings.postgres(dataDir)));
        try {
            MailSink mail = remember(started, MailSink.start(settings.mailSink()));
            LocalAuthorizationServer authorizationServer = remember(started,
                    LocalAuthorizationServer.start(settings.host(), settings.authPort()));
            RunningKafka kafka = remember(started, settings.kafkaBackend().start(settings.kafkaBroker(dataDir)));
            Optional<RunningRegistry> registry = RegistrySlot.start(settings, kafka.bootstrapServers());
            registry.ifPresent(started::push);
            Postgres postgres = remember(started, await(postgresStart));
            LocalStack stack = new LocalStack(settings, kafka, registry, postgres, mail, authorizationServer);
            log.info("Local stack started in {} ms: Kafka {}, registry {}, PostgreSQL {}, SMTP {}:{}, issuer {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), kafka.bootstrapServers(),
                    stack.schemaRegistryUrl().orElse("(none)"), postgres.coordinates(Postgres.MAINTENANCE_DATABASE)
                            .jdbcUrl(), mail.host(), mail.smtpPort(), authorizationServer.issuerUri());
            return stack;
        } catch (RuntimeException e) {
            if (!started.stream().anyMatch(Postgres.class::isInstance)) {
                closeLater(postgresStart);
            }
            started.forEach(LocalStack::closeQuietly);
            throw e;
        } finally {
            background.shutdown();
        }
    }

    /** The {@code bootstrap.servers} of the broker, or of every broker of a cluster. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops and starts pieces of this stack under running services, for fault tests and the fault soak. */
    public StackFaults faults() {
        return faults;
    }

    /** The registry's base URL, for {@code schema.registry.url}; empty while the stack has no registry. */
    public Optional<String> schemaRegistryUrl() {
        return registry.map(RunningRegistry::url);
    }

    public Postgres postgres() {
        return postgres;
    }

    public MailSink mail() {
        return mail;
    }

    /** The OAuth2 authorization server every service's tokens come from. */
    public LocalAuthorizationServer authorizationServer() {
        return authorizationServer;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /**
     * A namespace no one else uses, with every catalogue topic and its dead-letter topic created in it. A test that
     * uses it sees only its own records, while sharing the broker and registry with every other test.
     */
    public TopicNamespace newTopicNamespace() {
        TopicNamespace namespace = TopicNamespace.of(
                NAMESPACE_PREFIX + sequence.incrementAndGet() + "-" + randomSuffix() + ".");
        createCatalogueTopics(namespace);
        registerCatalogueSchemas(namespace);
        return namespace;
    }

    /**
     * Registers every catalogue schema under the namespace's subjects, at the project's compatibility level, as the
     * registrar does for production: services never auto-register, so their subjects must exist first.
     */
    public void registerCatalogueSchemas(TopicNamespace namespace) {
        registry.ifPresent(running -> {
            SchemaRegistryClient client = SchemaRegistryClients.fromConfig(
                    Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, running.url()));
            try {
                new SchemaRegistrar(client, namespace).registerAll(SchemaRegistrar.PROJECT_COMPATIBILITY);
            } finally {
                client.close();
            }
        });
    }

    /** Creates the catalogue topics under this namespace; topics that exist already are kept. */
    public void createCatalogueTopics(TopicNamespace namespace) {
        catalogueTopics.create(namespace);
    }

    /** A new, empty database of its own. */
    public DatabaseCoordinates newDatabase() {
        return postgres.createDatabase(DATABASE_PREFIX + sequence.incrementAndGet() + "_" + randomSuffix());
    }

    /** The database with this name, created if it does not exist yet: a service's database in a persistent stack. */
    public DatabaseCoordinates database(String name) {
        return postgres.createDatabase(name);
    }

    /** Stops every piece, the registry before the broker it writes to. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        registry.ifPresent(LocalStack::closeQuietly);
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(mail);
        closeQuietly(authorizationServer);
        log.info("Local stack stopped");
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> started, T piece) {
        started.push(piece);
        return piece;
    }

    private static Postgres await(Future<Postgres> start) {
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new LocalStackStartupException("PostgreSQL failed to start ("
                    + LocalStackStartupException.rootMessage(e) + ")", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackStartupException("Interrupted while PostgreSQL was starting", e);
        }
    }

    /** PostgreSQL may still be starting when something else failed; it is stopped as soon as it is up. */
    private static void closeLater(Future<Postgres> start) {
        try {
            start.get().close();
        } catch (ExecutionException alsoFailed) {
            log.debug("PostgreSQL failed to start too: {}", alsoFailed.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable piece) {
        try {
            piece.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", piece.getClass().getSimpleName(), e.toString());
        }
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, RANDOM_SUFFIX_LENGTH);
    }
}
