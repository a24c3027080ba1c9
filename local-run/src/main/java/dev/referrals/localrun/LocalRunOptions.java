package dev.referrals.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local run's command line.
 *
 * @param clean     wipe the state directory first
 * @param seed      a seed file of the user's instead of the demo seed
 * @param noSeed    load no seed at all
 * @param infraOnly start the stack, the topics, the schemas, the databases and the mail page, but no service
 * @param help      print the usage and stop
 */
public record LocalRunOptions(boolean clean, Optional<Path> seed, boolean noSeed, boolean infraOnly, boolean help) {

    public static final String USAGE = """
            Usage: ./referrals-local [--clean] [--seed FILE | --no-seed] [--infra-only]
                   ./referrals-local token ACCOUNT_ID | --service | --ops   (an access token; see token --help)
              --clean        wipe the state directory (.local, or REFERRALS_LOCAL_DATA_DIR) first
              --seed FILE    load this seed file instead of the demo seed (format: local-run/README.md)
              --no-seed      load no seed
              --infra-only   start Kafka, the registry, PostgreSQL, the mail sink and page, the authorization server,
                             but not the services
              --help         print this""";

    /** @throws IllegalArgumentException naming the argument that is wrong */
    public static LocalRunOptions parse(List<String> args) {
        boolean clean = false;
        boolean noSeed = false;
        boolean infraOnly = false;
        boolean help = false;
        Optional<Path> seed = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--clean" -> clean = true;
                case "--no-seed" -> noSeed = true;
                case "--infra-only" -> infraOnly = true;
                case "--help", "-h" -> help = true;
                case "--seed" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException("--seed needs a file");
                    }
                    seed = Optional.of(Path.of(args.get(++i)));
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args.get(i));
            }
        }
        if (noSeed && seed.isPresent()) {
            throw new IllegalArgumentException("--seed and --no-seed exclude each other");
        }
        return new LocalRunOptions(clean, seed, noSeed, infraOnly, help);
    }
}
