package dev.referrals.platform.startup;

/** A service cannot start because something it needs is not there. The message is one line saying what to start. */
public class MissingDependencyException extends RuntimeException {

    public MissingDependencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
