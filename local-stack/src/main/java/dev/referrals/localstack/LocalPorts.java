package dev.referrals.localstack;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds free TCP ports and checks that a configured one is free before a server tries to bind it. */
public final class LocalPorts {

    /** A port setting of 0 means "any free port", as for {@link ServerSocket}. */
    public static final int ANY_FREE_PORT = 0;

    private static final String PORT_IN_USE = "port in use";

    private static final Logger log = LoggerFactory.getLogger(LocalPorts.class);

    /** Starts on chosen ports before giving up; a second lost race in a row is already rare. */
    static final int PORT_RACE_ATTEMPTS = 3;

    private LocalPorts() {
    }

    /** Ports this JVM handed out; the kernel may offer a just-closed port again, to a server starting in parallel. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Bounds the search for a port not handed out yet; the kernel's ephemeral range has thousands. */
    private static final int MAX_ATTEMPTS = 100;

    /**
     * The given port, or a free one if it is {@link #ANY_FREE_PORT}.
     *
     * <p>Servers whose peers must know the port before they start (the KRaft quorum names its controller's port in
     * its configuration, PostgreSQL takes it on its command line) cannot bind port 0 themselves, so the port is chosen
     * here. Another process, or an outgoing connection given the same ephemeral port, can take it in the moment
     * between: a server started on chosen ports does so through {@link #retryLostPortRace}. Within this JVM a port is
     * never handed out twice.
     */
    public static int resolve(int port) {
        if (port != ANY_FREE_PORT) {
            return port;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int candidate = anyFreePort();
            if (HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new LocalStackStartupException("No free TCP port found after " + MAX_ATTEMPTS + " attempts");
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(ANY_FREE_PORT)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStackStartupException("No free TCP port is available: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a server, again on newly chosen ports if it lost one of the ports chosen for it to another process.
     *
     * @param portsChosenHere whether {@code start} resolves its ports from {@link #ANY_FREE_PORT}; a port the developer
     *                        set is never swapped for another, and its {@link PortInUseException} is thrown as it is
     * @param start           resolves the ports, checks them with {@link #requireFree}, and starts the server
     */
    public static <T> T retryLostPortRace(boolean portsChosenHere, Supplier<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (PortInUseException e) {
                if (!portsChosenHere || attempt == PORT_RACE_ATTEMPTS) {
                    throw e;
                }
                log.warn("{}: another process took a port chosen for it; starting again on new free ports (attempt {}"
                        + " of {})", e.getMessage(), attempt + 1, PORT_RACE_ATTEMPTS);
            }
        }
    }

    /** Whether a server's failure to start was its bind being refused, somewhere in the cause chain. */
    public static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails with a one-line message if nothing can listen on host:port, for example because another process does.
     *
     * @param what    the server, as the message names it, for example {@code Kafka broker}
     * @param setting the setting a developer changes to move the server to another port
     */
    public static void requireFree(String what, String host, int port, Setting setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            String reason = reason(e);
            String message = what + " cannot listen on " + host + ":" + port + " (" + reason + "); "
                    + setting.howToChange() + " to a free port";
            throw PORT_IN_USE.equals(reason) ? new PortInUseException(message, e)
                    : new LocalStackStartupException(message, e);
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("already in use")) {
            return PORT_IN_USE;
        }
        if (message.contains("permission denied")) {
            return "permission denied";
        }
        return LocalStackStartupException.oneLine(e.getMessage());
    }
}
