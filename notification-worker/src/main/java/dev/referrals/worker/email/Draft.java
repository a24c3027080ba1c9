package dev.referrals.worker.email;

import java.util.Set;

/** What to do about one email of a referral, given what the contact directory knows now. */
sealed interface Draft {

    /** Send it. */
    record Ready(ReferralEmail email) implements Draft {
    }

    /** Do not send it, ever. */
    record Skip(SkipReason reason) implements Draft {
    }

    /** Ask again later: these facts are not known yet and the grace period is not over. */
    record Wait(Set<Fact> missing) implements Draft {

        public Wait {
            missing = Set.copyOf(missing);
        }
    }
}
