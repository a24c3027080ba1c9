package dev.referrals.localrun;

import dev.referrals.localrun.mailpage.MailPage;
import dev.referrals.localrun.seed.Seed;
import dev.referrals.localrun.seed.SeedException;
import dev.referrals.localrun.seed.SeedParser;
import dev.referrals.localrun.seed.SeedPublisher;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.LocalStackSettings;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.StateDirectory;
import dev.referrals.schemas.TopicNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole pipeline on this machine: the local stack (Kafka, registry, PostgreSQL, mail sink), the topics,
 * the schemas, a database per service, the demo seed, the mail page and the three services, each as its own process.
 * Ctrl-C stops all of it. State persists in {@code .local/}.
 */
public final class LocalRunMain {

    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    private static final String LOGBACK_CONFIG = "dev/referrals/localstack/logback-local-stack.xml";
    private static final String SERVICES_DIR_PROPERTY = "referrals.local.services-dir";
    private static final String DEMO_SEED = "/seed/demo.yml";
    private static final String DEMO_REQUESTS = "/demo/curl.txt";
    private static final int DEFAULT_MAIL_PAGE_PORT = 8025;
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILED = 1;
    private static final int STEPS = 5;

    private LocalRunMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            System.setProperty(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG);
        }
        if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
            try {
                TokenCommand.run(List.of(args).subList(1, args.length), System.out);
                return;
            } catch (IllegalArgumentException | IllegalStateException failure) {
                System.err.println(failure.getMessage());
                System.exit(failure instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILED);
                return;
            }
        }
        LocalRunOptions options;
        try {
            options = LocalRunOptions.parse(List.of(args));
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.err.println(LocalRunOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(LocalRunOptions.USAGE);
            return;
        }
        try {
            run(options, System.out);
        } catch (LocalStackStartupException | SeedException | IllegalStateException failure) {
            System.err.println(failure.getMessage());
            System.exit(EXIT_FAILED);
        }
    }

    private static void run(LocalRunOptions options, PrintStream out) throws InterruptedException {
        Progress progress = new Progress(out, STEPS);
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        Path state = settings.dataDir().orElseThrow();
        if (options.clean()) {
            out.println("Wiping " + state.toAbsolutePath().normalize());
            StateDirectory.delete(state);
        }
        ServiceRecord record = new ServiceRecord(state.resolve("services.pids"));
        int leftovers = record.stopLeftovers();
        if (leftovers > 0) {
            out.println("Stopped " + leftovers + " service(s) left running by an earlier run");
        }
        Map<Service, ServicePorts> ports = servicePorts();
        int mailPagePort = port(Setting.MAIL_PAGE_PORT, DEFAULT_MAIL_PAGE_PORT);
        requirePortsFree(settings.host(), ports, mailPagePort, options.infraOnly());
        Seed seed = options.noSeed() ? null : readSeed(options);

        progress.step("Starting Kafka (KRaft), the schema registry, PostgreSQL, the mail sink and the authorization "
                + "server");
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Stoppables running = new Stoppables(stack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping everything ...");
            running.close();
            record.clear();
            out.println("Stopped.");
            stopped.countDown();
        }, "local-run-stop"));
        stack.createCatalogueTopics(TopicNamespace.NONE);
        stack.registerCatalogueSchemas(TopicNamespace.NONE);
        for (Service service : Service.values()) {
            stack.database(service.database());
        }
        progress.detail("topics created, schemas registered, databases ready (" + progress.elapsed() + ")");

        progress.step(seed == null ? "No seed loaded (--no-seed)" : "Loading the seed");
        if (seed != null) {
            int records = new SeedPublisher(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl().orElseThrow(),
                    TopicNamespace.NONE, Clock.systemUTC()).publish(seed);
            progress.detail(records + " records: " + seed.accounts().size() + " accounts, " + seed.jobs().size()
                    + " jobs, " + seed.activities().size() + " invitations, proposals and hires");
        }

        progress.step("Starting the mail page");
        running.mailPage = MailPage.start(settings.host(), mailPagePort, stack.mail(), Setting.MAIL_PAGE_PORT.howToChange());

        if (options.infraOnly()) {
            progress.step("Not starting the services (--infra-only)");
        } else {
            progress.step("Starting referral-api, referral-processor and notification-worker");
            PipelineSettings pipelineSettings = PipelineSettings.defaults(servicesDir(), state.resolve("logs"))
                    .withPorts(ports);
            running.pipeline = Pipeline.start(stack, TopicNamespace.NONE, pipelineSettings,
                    service -> stack.database(service.database()), progress::detail);
            record.write(running.pipeline.pids());
        }
        progress.step("Ready in " + progress.elapsed());
        printSummary(out, stack, running, options.infraOnly());
        stopped.await();
    }

    private static void printSummary(PrintStream out, LocalStack stack, Stoppables running, boolean infraOnly) {
        out.println();
        if (!infraOnly) {
            for (Service service : Service.values()) {
                out.printf("  %-22s %s (actuator %s/actuator)%n", service.module(), running.pipeline.baseUrl(service),
                        running.pipeline.managementUrl(service));
            }
            out.printf("  %-22s %s%n", "OpenAPI", running.pipeline.baseUrl(Service.REFERRAL_API) + "/v3/api-docs");
        }
        out.printf("  %-22s %s (tokens: ./referrals-local token ana | --service | --ops)%n",
                "Authorization server", stack.authorizationServer().issuerUri());
        out.printf("  %-22s %s%n", "Mail page", running.mailPage.url());
        out.printf("  %-22s %s:%d (log in as the recipient, any password)%n", "IMAP", stack.mail().host(),
                stack.mail().imapPort());
        out.printf("  %-22s %s%n", "Kafka", stack.kafkaBootstrapServers());
        out.printf("  %-22s %s%n", "Schema registry", stack.schemaRegistryUrl().orElse("-"));
        out.printf("  %-22s %s%n", "PostgreSQL", stack.postgres().coordinates(Service.REFERRAL_API.database()).jdbcUrl());
        out.println();
        if (!infraOnly) {
            out.println("Try it (README.md walks through it):");
            out.println();
            out.println(resource(DEMO_REQUESTS));
            out.println("Then: curl -s -H \"Authorization: Bearer $ANA\" "
                    + "http://localhost:8080/api/v1/referral-requests/<requestId from the answer>");
            out.println();
        }
        out.println("Press Ctrl-C to stop everything.");
    }

    private static Seed readSeed(LocalRunOptions options) {
        if (options.seed().isPresent()) {
            Path file = options.seed().get();
            try {
                return SeedParser.parse(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the seed file " + file + ": " + e.getMessage(), e);
            }
        }
        return SeedParser.parse("demo.yml", resource(DEMO_SEED));
    }

    private static Map<Service, ServicePorts> servicePorts() {
        Map<Service, ServicePorts> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, new ServicePorts(port(service.portSetting(), service.defaultPort()),
                    port(service.managementPortSetting(), service.defaultManagementPort())));
        }
        return ports;
    }

    private static int port(Setting setting, int defaultPort) {
        String value = setting.lookup().orElse(String.valueOf(defaultPort));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalStateException("'" + value + "' is not a port; " + setting.howToChange()
                    + " to a port number");
        }
    }

    private static void requirePortsFree(String host, Map<Service, ServicePorts> ports, int mailPagePort,
                                         boolean infraOnly) {
        if (!infraOnly) {
            for (Service service : Service.values()) {
                LocalPorts.requireFree(service.module(), host, ports.get(service).http(), service.portSetting());
                LocalPorts.requireFree(service.module() + " (management)", host, ports.get(service).management(),
                        service.managementPortSetting());
            }
        }
        LocalPorts.requireFree("Mail page", host, mailPagePort, Setting.MAIL_PAGE_PORT);
    }

    private static Path servicesDir() {
        String configured = System.getProperty(SERVICES_DIR_PROPERTY);
        return configured == null ? PipelineSettings.DEFAULT_SERVICES_DIR : Path.of(configured);
    }

    static String resource(String name) {
        try (InputStream in = LocalRunMain.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is running, stopped in reverse order of start. */
    private static final class Stoppables implements AutoCloseable {
        private final LocalStack stack;
        private volatile MailPage mailPage;
        private volatile Pipeline pipeline;

        Stoppables(LocalStack stack) {
            this.stack = stack;
        }

        @Override
        public void close() {
            if (pipeline != null) {
                pipeline.close();
            }
            if (mailPage != null) {
                mailPage.close();
            }
            stack.close();
        }
    }
}
