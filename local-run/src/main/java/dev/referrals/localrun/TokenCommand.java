package dev.referrals.localrun;

import dev.referrals.localstack.LocalStackSettings;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.auth.TokenClient;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./referrals-local token ...}: prints an access token from the running local authorization server, alone on
 * its line, so that {@code ANA=$(./referrals-local token ana)} works.
 */
final class TokenCommand {

    static final String NAME = "token";

    static final String USAGE = """
            Usage: ./referrals-local token ACCOUNT_ID | --service | --ops
              ACCOUNT_ID   a user's token: signs in as that marketplace account (authorization code with PKCE);
                           its subject is the account id, for example ana or client-acme
              --service    the upstream job services' token (client credentials; referrals:decline referrals:read)
              --ops        the ops console's token (client credentials; referrals:ops)
            The local run must be running: it starts the authorization server.""";

    private TokenCommand() {
    }

    /** @throws IllegalArgumentException on a wrong command line; IllegalStateException when no server answers */
    static void run(List<String> args, PrintStream out) {
        if (args.equals(List.of("--help"))) {
            out.println(USAGE);
            return;
        }
        if (args.size() != 1 || args.get(0).isBlank()) {
            throw new IllegalArgumentException(USAGE);
        }
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        String issuer = "http://" + settings.host() + ":" + settings.authPort();
        TokenClient tokens = new TokenClient(issuer);
        String who = args.get(0);
        try {
            out.println(switch (who) {
                case "--service" -> tokens.serviceToken(LocalIdentities.JOB_SERVICES);
                case "--ops" -> tokens.serviceToken(LocalIdentities.OPS_CONSOLE);
                default -> {
                    if (who.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option: " + who + System.lineSeparator() + USAGE);
                    }
                    yield tokens.userToken(who);
                }
            });
        } catch (IllegalStateException unreachable) {
            throw new IllegalStateException("No token from the authorization server at " + issuer + " ("
                    + unreachable.getMessage() + "): start ./referrals-local first, or "
                    + Setting.AUTH_PORT.howToChange() + " to the port it runs on", unreachable);
        }
    }
}
