package dev.referrals.localstack.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Points a PostgreSQL JDBC URL at another database on the same server, keeping host, port and parameters. */
final class JdbcUrls {

    /** {@code jdbc:postgresql://hosts[/database][?parameters]}; the hosts part may list several host:port pairs. */
    private static final Pattern POSTGRES_URL =
            Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

    private JdbcUrls() {
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher matcher = POSTGRES_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + jdbcUrl);
        }
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + database + parameters;
    }
}
