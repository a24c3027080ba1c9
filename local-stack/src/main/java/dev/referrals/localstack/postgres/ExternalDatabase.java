package dev.referrals.localstack.postgres;

import java.util.Optional;

/**
 * A PostgreSQL server someone else runs, named in the environment, which replaces the embedded one: for example a CI
 * service container, or a developer's own server.
 *
 * @param jdbcUrl  a JDBC URL of any database on that server, whose path is replaced to reach other databases
 * @param username a role allowed to create databases
 * @param password its password
 */
public record ExternalDatabase(String jdbcUrl, String username, String password) {

    public static final String URL_VARIABLE = "REFERRALS_DATABASE_URL";
    public static final String USERNAME_VARIABLE = "REFERRALS_DATABASE_USERNAME";
    public static final String PASSWORD_VARIABLE = "REFERRALS_DATABASE_PASSWORD";

    /** The same three values may also come as system properties, handy in an IDE run configuration. */
    public static final String URL_PROPERTY = "referrals.database.url";
    public static final String USERNAME_PROPERTY = "referrals.database.username";
    public static final String PASSWORD_PROPERTY = "referrals.database.password";

    private static final String DEFAULT_USERNAME = "postgres";
    private static final String DEFAULT_PASSWORD = "";

    /** The server named by {@value #URL_VARIABLE} (or {@value #URL_PROPERTY}), if either is set. */
    public static Optional<ExternalDatabase> fromEnvironment() {
        return value(URL_PROPERTY, URL_VARIABLE).map(url -> new ExternalDatabase(url,
                value(USERNAME_PROPERTY, USERNAME_VARIABLE).orElse(DEFAULT_USERNAME),
                value(PASSWORD_PROPERTY, PASSWORD_VARIABLE).orElse(DEFAULT_PASSWORD)));
    }

    private static Optional<String> value(String property, String variable) {
        String fromProperty = System.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(fromProperty.trim());
        }
        String fromEnvironment = System.getenv(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty()
                : Optional.of(fromEnvironment.trim());
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "ExternalDatabase[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
