package dev.referrals.localstack.postgres;

import java.util.Objects;

/**
 * How an application reaches one database: what goes into {@code spring.datasource.url/username/password}.
 *
 * @param name     the database name
 * @param jdbcUrl  for example {@code jdbc:postgresql://localhost:15432/referrals}
 * @param username the role to log in as
 * @param password its password; the embedded server trusts local connections, so any value works there
 */
public record DatabaseCoordinates(String name, String jdbcUrl, String username, String password) {

    public DatabaseCoordinates {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Hides the password, since these coordinates end up in logs and test reports. */
    @Override
    public String toString() {
        return "DatabaseCoordinates[name=" + name + ", jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
