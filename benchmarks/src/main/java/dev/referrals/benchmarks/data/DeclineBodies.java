package dev.referrals.benchmarks.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of a decline with a referral, as an upstream job service sends it to the API. */
public final class DeclineBodies {

    public static final String DECLINE_PATH = "/api/v1/invitations/%s/decline";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclineBodies() {
    }

    /**
     * @param referee a profile URL or an account email
     */
    public static String decline(String jobId, String clientId, String freelancerId, String referee, String message) {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("freelancer", referee);
        if (message != null) {
            referral.put("message", message);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("clientId", clientId);
        body.put("freelancerId", freelancerId);
        body.put("reason", "TOO_BUSY");
        body.put("referral", referral);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String path(String invitationId) {
        return DECLINE_PATH.formatted(invitationId);
    }
}
