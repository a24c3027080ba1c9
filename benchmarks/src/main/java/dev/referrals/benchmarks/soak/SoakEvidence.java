package dev.referrals.benchmarks.soak;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the checks look at, gathered after the load from the caller's ledger, the topics and the mail sink.
 *
 * @param accepted        request id of every request the caller was answered 202 for
 * @param refused         requests answered with a 4xx other than 429, which a valid request never gets
 * @param gaveUp          requests the caller gave up on after retrying for its whole give-up time
 * @param requested       request ids of every ReferralRequested on the topic
 * @param outcomes        every ReferralCreated and ReferralRejected on the topics
 * @param unreadable      records of the request and decision topics that could not be read
 * @param emails          how often each email of each referral arrived
 * @param deadLetters     every record of every {@code -dlt} topic
 * @param poison          every poison record sent
 * @param consumingGroups for each topic name, the groups that consume it
 * @param lag             for each service instance, each consumer group's status once the load stopped
 * @param workerKills     how often a worker instance was killed: the bound of duplicate emails
 * @param kills           how often any instance was killed: the bound of repeated dead letters
 */
record SoakEvidence(Set<String> accepted, List<String> refused, List<String> gaveUp, Set<String> requested,
                    List<TopicAudit.Outcome> outcomes, List<String> unreadable,
                    Map<MailAudit.Email, Integer> emails, List<TopicAudit.DeadLetter> deadLetters,
                    List<PoisonRecords.Poison> poison, Map<String, Set<String>> consumingGroups,
                    Map<String, Map<String, String>> lag, int workerKills,
                    int kills) {
}
