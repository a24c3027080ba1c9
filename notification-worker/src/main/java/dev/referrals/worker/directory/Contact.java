package dev.referrals.worker.directory;

/**
 * What the worker knows about an account: enough to address an email and to name a person in one.
 *
 * @param accountId   upstream account id
 * @param displayName the name shown in emails; null once erased
 * @param email       the address; null once erased
 * @param erased      the account was erased upstream (a tombstone on marketplace.accounts)
 */
public record Contact(String accountId, String displayName, String email, boolean erased) {

    public static Contact erased(String accountId) {
        return new Contact(accountId, null, null, true);
    }
}
