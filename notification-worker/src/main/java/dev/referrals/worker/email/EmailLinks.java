package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.WorkerProperties;
import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links in the emails: the configured base URL, then a fixed path per role. Ids are encoded as path segments,
 * so an id can never change the path or reach another host.
 */
@Component
public class EmailLinks {

    /** The referee's Referrals view, where the referral invitation is accepted or declined (R11). */
    public static final String REFEREE_PATH = "/freelancers/{refereeId}/referrals";

    /** The job's invitations, where the client sees who was referred and by whom (R12). */
    public static final String CLIENT_PATH = "/jobs/{jobId}/invitations";

    private final String baseUrl;

    @Autowired
    public EmailLinks(WorkerProperties properties) {
        this(properties.links().baseUrl());
    }

    EmailLinks(URI baseUrl) {
        this.baseUrl = baseUrl.toString();
    }

    public URI forRole(ReferralCreated referral, Role role) {
        return switch (role) {
            case REFEREE -> build(REFEREE_PATH, referral.getRefereeId());
            case CLIENT -> build(CLIENT_PATH, referral.getJobId());
        };
    }

    private URI build(String path, String id) {
        return UriComponentsBuilder.fromUriString(baseUrl).path(path).encode().buildAndExpand(id).toUri();
    }
}
