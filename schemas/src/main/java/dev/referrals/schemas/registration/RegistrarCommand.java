package dev.referrals.schemas.registration;

import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.privacy.CredentialRedaction;
import dev.referrals.schemas.registration.SubjectStatus.State;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClientConfig;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The command line of {@link SchemaRegistrar}; see docs/schemas.md.
 *
 * <pre>
 * register --url URL [--prefix P] [--compatibility LEVEL] [--user-info USER:PASSWORD | --bearer-token TOKEN]
 * check    --url URL [--prefix P] [--require-registered] [--user-info USER:PASSWORD | --bearer-token TOKEN]
 * </pre>
 *
 * Credentials go to an {@code http} URL only with {@code --allow-credentials-over-http}.
 *
 * Exit status: 0 when done, 1 when a check finds an incompatible (or, with --require-registered, an unregistered)
 * schema, 2 on a usage error or when the registry cannot be reached.
 */
public final class RegistrarCommand {

    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE_OR_UNREACHABLE = 2;

    static final String USAGE = """
            usage: register --url URL [--prefix P] [--compatibility LEVEL] [--user-info USER:PASSWORD | --bearer-token TOKEN]
                   check    --url URL [--prefix P] [--require-registered] [--user-info USER:PASSWORD | --bearer-token TOKEN]
            credentials go to an http URL only with --allow-credentials-over-http""";

    private RegistrarCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            err.println(USAGE);
            return USAGE_OR_UNREACHABLE;
        }
        SchemaRegistryClient client;
        try {
            client = SchemaRegistryClients.fromConfig(options.clientConfig());
        } catch (ConfigException misconfigured) {
            err.println(CredentialRedaction.redact(misconfigured.getMessage()));
            return USAGE_OR_UNREACHABLE;
        }
        try {
            SchemaRegistrar registrar = new SchemaRegistrar(client, TopicNamespace.of(options.prefix()));
            List<SubjectStatus> statuses = options.register()
                    ? registrar.registerAll(options.compatibility())
                    : registrar.checkAll();
            statuses.forEach(status -> out.println(status.describe()));
            boolean failed = statuses.stream().anyMatch(status -> status.state() == State.INCOMPATIBLE
                    || (options.requireRegistered() && status.state() != State.REGISTERED));
            return failed ? CHECK_FAILED : OK;
        } catch (RuntimeException registryFailure) {
            err.println(CredentialRedaction.redact(
                    "Schema registry at " + options.url() + " failed: " + registryFailure.getMessage()));
            return USAGE_OR_UNREACHABLE;
        } finally {
            client.close();
        }
    }

    private record Options(boolean register, String url, String prefix, CompatibilityLevel compatibility,
                           boolean requireRegistered, String userInfo, String bearerToken,
                           boolean allowCredentialsOverHttp) {

        static Options parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("register") || args[0].equals("check"))) {
                throw new IllegalArgumentException("first argument must be register or check");
            }
            Map<String, String> values = new HashMap<>();
            boolean requireRegistered = false;
            boolean allowCredentialsOverHttp = false;
            for (int i = 1; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--require-registered")) {
                    requireRegistered = true;
                } else if (flag.equals("--allow-credentials-over-http")) {
                    allowCredentialsOverHttp = true;
                } else if (flag.startsWith("--") && i + 1 < args.length) {
                    values.put(flag, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown or incomplete option: " + flag);
                }
            }
            String url = values.remove("--url");
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            String level = values.remove("--compatibility");
            Options options = new Options(args[0].equals("register"), url, values.getOrDefault("--prefix", ""),
                    level == null ? SchemaRegistrar.PROJECT_COMPATIBILITY : CompatibilityLevel.parse(level),
                    requireRegistered, values.remove("--user-info"), values.remove("--bearer-token"),
                    allowCredentialsOverHttp);
            values.remove("--prefix");
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s): " + values.keySet());
            }
            return options;
        }

        Map<String, Object> clientConfig() {
            Map<String, Object> config = new HashMap<>();
            config.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, url);
            config.put(SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP, allowCredentialsOverHttp);
            if (userInfo != null) {
                config.put(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        SchemaRegistryClientConfig.BASIC_AUTH_SOURCE_USER_INFO);
                config.put(SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, userInfo);
            }
            if (bearerToken != null) {
                config.put(SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE,
                        SchemaRegistryClientConfig.BEARER_AUTH_SOURCE_STATIC_TOKEN);
                config.put(SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, bearerToken);
            }
            return config;
        }
    }
}
