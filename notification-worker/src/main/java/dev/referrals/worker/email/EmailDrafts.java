package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.WorkerProperties;
import dev.referrals.worker.directory.Contact;
import dev.referrals.worker.directory.JobEntry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides, for one email of a referral, whether to send it now, skip it for good, or wait for a late fact (I6).
 *
 * <ul>
 *   <li>Only the recipient decides whether the email goes out: an erased recipient skips it at once; an unknown one
 *       is waited for during the grace period, then skipped. The client's email goes to the job's client in the
 *       jobs directory, so while the job is unknown its recipient is unknown too.</li>
 *   <li>Every other fact (the referrer's name, the referee's name, the job's title) is waited for during the grace
 *       period too, but its absence never stops the email: after the grace period, or at once when the person was
 *       erased, the templates word the sentence without it.</li>
 * </ul>
 */
@Component
class EmailDrafts {

    private final EmailLinks links;
    private final String messageIdDomain;

    @Autowired
    EmailDrafts(EmailLinks links, WorkerProperties properties) {
        this(links, properties.mail().messageIdDomain());
    }

    EmailDrafts(EmailLinks links, String messageIdDomain) {
        this.links = links;
        this.messageIdDomain = messageIdDomain;
    }

    Draft draft(ReferralCreated referral, Role role, ReferralFacts facts, boolean gracePeriodOver) {
        Optional<String> recipientId = facts.recipientOf(role, referral);
        Optional<Contact> recipient = recipientId.flatMap(facts::contact);
        if (recipient.isPresent() && recipient.get().erased()) {
            return new Draft.Skip(SkipReason.ERASED);
        }
        Set<Fact> unknown = unknownFacts(referral, role, facts);
        if (!unknown.isEmpty() && !gracePeriodOver) {
            return new Draft.Wait(unknown);
        }
        if (recipient.isEmpty()) {
            return new Draft.Skip(SkipReason.UNKNOWN);
        }
        Optional<InternetAddress> address = address(recipient.get());
        if (address.isEmpty()) {
            return new Draft.Skip(SkipReason.INVALID_ADDRESS);
        }
        String referrerName = facts.nameOf(referral.getReferrerId());
        String refereeName = facts.nameOf(referral.getRefereeId());
        String jobTitle = facts.job().map(JobEntry::title).orElse(null);
        Set<Fact> neutral = EnumSet.noneOf(Fact.class);
        if (referrerName == null) {
            neutral.add(Fact.REFERRER);
        }
        if (role == Role.CLIENT && refereeName == null) {
            neutral.add(Fact.REFEREE);
        }
        if (jobTitle == null) {
            neutral.add(Fact.JOB);
        }
        return new Draft.Ready(new ReferralEmail(
                referral.getReferralId(),
                role,
                MessageId.of(referral.getReferralId(), role, messageIdDomain),
                recipientId.orElseThrow(),
                address.get(),
                recipient.get().displayName(),
                referrerName,
                refereeName,
                jobTitle,
                referral.getMessage(),
                links.forRole(referral, role),
                referral.getCreatedAt(),
                neutral));
    }

    private static Set<Fact> unknownFacts(ReferralCreated referral, Role role, ReferralFacts facts) {
        Set<Fact> unknown = EnumSet.noneOf(Fact.class);
        if (facts.recipientOf(role, referral).filter(recipient -> !facts.isUnknown(recipient)).isEmpty()) {
            unknown.add(Fact.RECIPIENT);
        }
        if (facts.isUnknown(referral.getReferrerId())) {
            unknown.add(Fact.REFERRER);
        }
        if (role == Role.CLIENT && facts.isUnknown(referral.getRefereeId())) {
            unknown.add(Fact.REFEREE);
        }
        if (facts.job().isEmpty()) {
            unknown.add(Fact.JOB);
        }
        return unknown;
    }

    /** The address with the display name; empty when upstream gave an address no SMTP server could accept. */
    private static Optional<InternetAddress> address(Contact contact) {
        try {
            InternetAddress address = new InternetAddress(
                    contact.email().trim(), HeaderText.oneLine(contact.displayName()), StandardCharsets.UTF_8.name());
            address.validate();
            return Optional.of(address);
        } catch (AddressException | UnsupportedEncodingException invalid) {
            return Optional.empty();
        }
    }
}
