package dev.referrals.localstack;

/**
 * A server of the stack cannot listen on its port because something else does. When the port was chosen here, as a
 * free one, another process took it in the moment between, and {@link LocalPorts#retryLostPortRace} starts again on
 * new ports; a port the developer set is theirs to change, as the message says.
 */
public class PortInUseException extends LocalStackStartupException {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
