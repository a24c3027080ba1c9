package dev.referrals.api.decline;

/** Request bodies of declines, as upstream job services send them. */
final class DeclineBodies {

    private DeclineBodies() {
    }

    static String withReferral(String jobId, String referee, String message) {
        return """
                {"jobId": "%s", "clientId": "client-1", "freelancerId": "freelancer-1",
                 "reason": "TOO_BUSY", "reasonText": "Booked until June",
                 "referral": {"freelancer": "%s"%s}}
                """.formatted(jobId, referee, message == null ? "" : ", \"message\": \"" + message + "\"");
    }

    static String withoutReferral(String jobId) {
        return """
                {"jobId": "%s", "clientId": "client-1", "freelancerId": "freelancer-1"}
                """.formatted(jobId);
    }
}
