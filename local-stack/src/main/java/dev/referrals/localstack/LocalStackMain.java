package dev.referrals.localstack;

import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.localstack.postgres.Postgres;
import dev.referrals.schemas.TopicNamespace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack until Ctrl-C: {@code ./mvnw -pl local-stack exec:java [-Dexec.args=--clean]}.
 *
 * <p>State lives under {@code .local/} (or {@code referrals.local.data-dir}) and survives restarts; {@code --clean}
 * wipes it first.
 */
public final class LocalStackMain {

    static final String CLEAN_FLAG = "--clean";
    private static final String HELP_FLAG = "--help";

    /** Packaged under its own name, so that it never overrides an application's logback.xml on a shared classpath. */
    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    private static final String LOGBACK_CONFIG = "dev/referrals/localstack/logback-local-stack.xml";

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_STARTUP_FAILED = 1;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists, or logback has already configured itself.
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            System.setProperty(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG);
        }
        List<String> arguments = List.of(args);
        if (arguments.contains(HELP_FLAG) || !arguments.stream().allMatch(CLEAN_FLAG::equals)) {
            usage(System.err);
            System.exit(arguments.contains(HELP_FLAG) ? 0 : EXIT_USAGE);
        }
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        Path dataDir = settings.dataDir().orElseThrow();
        if (arguments.contains(CLEAN_FLAG)) {
            System.out.println("Wiping " + dataDir.toAbsolutePath().normalize());
            StateDirectory.delete(dataDir);
        }

        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (LocalStackStartupException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_STARTUP_FAILED);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        // The services never auto-register schemas, so the stack provides topics and subjects as production would.
        stack.createCatalogueTopics(TopicNamespace.NONE);
        stack.registerCatalogueSchemas(TopicNamespace.NONE);
        printAddresses(stack, System.out);
        // Ctrl-C runs the shutdown hook; main just keeps the JVM alive until then.
        stopped.await();
    }

    static void printAddresses(LocalStack stack, PrintStream out) {
        out.println();
        out.println("Local stack is up (state in " + stack.settings().dataDir()
                .map(dir -> dir.toAbsolutePath().normalize().toString()).orElse("a temporary directory") + ")");
        out.println("  Kafka bootstrap servers  " + stack.kafkaBootstrapServers());
        out.println("  Schema registry URL      " + stack.schemaRegistryUrl().orElse("(not part of the stack yet)"));
        DatabaseCoordinates postgres = stack.postgres().coordinates(Postgres.MAINTENANCE_DATABASE);
        out.println("  PostgreSQL JDBC URL      " + postgres.jdbcUrl() + " (user " + postgres.username() + ")");
        out.println("  SMTP                     " + stack.mail().host() + ":" + stack.mail().smtpPort());
        out.println("  IMAP                     " + stack.mail().host() + ":" + stack.mail().imapPort()
                + " (log in as the recipient address, any password)");
        out.println("Press Ctrl-C to stop.");
    }

    private static void usage(PrintStream out) {
        out.println("Usage: LocalStackMain [" + CLEAN_FLAG + "]");
        out.println("  " + CLEAN_FLAG + "  wipe the state directory (" + Setting.DATA_DIR.systemProperty() + ", default "
                + LocalStackSettings.DEFAULT_DATA_DIR + ") before starting");
        out.println("Settings (system property, or environment variable):");
        for (Setting setting : Setting.values()) {
            out.println("  -D" + setting.systemProperty() + "  or  " + setting.environmentVariable());
        }
    }
}
