package dev.referrals.worker.email;

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
