package dev.referrals.localstack.registry;

import dev.referrals.localstack.LocalStackStartupException;

/** The registry could not start; the message is one line naming what failed and which setting to change. */
public final class RegistryStartupException extends LocalStackStartupException {

    private static final long serialVersionUID = 1L;

    RegistryStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
