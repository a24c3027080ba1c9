package dev.referrals.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds free TCP ports and checks that a configured one is free before a server tries to bind it. */
public final class LocalPorts {

    /** A port setting of 0 means "any free port", as for {@link ServerSocket}. */
    public static final int ANY_FREE_PORT = 0;

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
     * here. Another process could take it in the moment between, which on a developer machine or a CI runner is rare
     * enough to accept; within this JVM a port is never handed out twice.
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
            throw new LocalStackStartupException(what + " cannot listen on " + host + ":" + port + " ("
                    + reason(e) + "); " + setting.howToChange() + " to a free port", e);
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("already in use")) {
            return "port in use";
        }
        if (message.contains("permission denied")) {
            return "permission denied";
        }
        return LocalStackStartupException.oneLine(e.getMessage());
    }
}
