package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.directory.Contact;
import dev.referrals.worker.directory.JobEntry;
import java.util.Map;
import java.util.Optional;

/**
 * What the contact directory knows about the people and the job of one referral, read once for both emails.
 *
 * @param contacts the known contacts (erased ones included) by account id
 * @param job      the job, if known
 */
record ReferralFacts(Map<String, Contact> contacts, Optional<JobEntry> job) {

    ReferralFacts {
        contacts = Map.copyOf(contacts);
    }

    /**
     * The account the email of this role goes to: the referee named by the referral, or the client who owns the job
     * in the jobs directory, whatever client the event names. Empty while the job is unknown.
     */
    Optional<String> recipientOf(Role role, ReferralCreated referral) {
        return switch (role) {
            case REFEREE -> Optional.of(referral.getRefereeId());
            case CLIENT -> job.map(JobEntry::clientId);
        };
    }

    Optional<Contact> contact(String accountId) {
        return Optional.ofNullable(contacts.get(accountId));
    }

    /** The display name, or null when the account is unknown or erased. */
    String nameOf(String accountId) {
        return contact(accountId).filter(contact -> !contact.erased()).map(Contact::displayName).orElse(null);
    }

    /** Unknown: no row at all. An erased contact is known, and will never have a name again. */
    boolean isUnknown(String accountId) {
        return !contacts.containsKey(accountId);
    }
}
