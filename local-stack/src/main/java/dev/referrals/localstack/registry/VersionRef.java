package dev.referrals.localstack.registry;

/** A version as a URL names it: a number from 1, or {@code latest} (which Confluent also accepts as {@code -1}). */
record VersionRef(int number) {

    private static final int LATEST_NUMBER = -1;
    static final VersionRef LATEST = new VersionRef(LATEST_NUMBER);

    static VersionRef parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int number = Integer.parseInt(text);
            if (number == LATEST_NUMBER) {
                return LATEST;
            }
            if (number >= 1) {
                return new VersionRef(number);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the 42202 answer
        }
        throw RegistryException.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST_NUMBER;
    }
}
