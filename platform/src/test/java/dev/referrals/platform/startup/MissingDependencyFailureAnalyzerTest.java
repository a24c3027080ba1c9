package dev.referrals.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class MissingDependencyFailureAnalyzerTest {

    @Test
    void anUnreachableDatabaseIsNamedWithoutThePasswordOfItsJdbcUrl() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db.internal:5432/referral_api?user=app&password=hunter2&sslmode=verify-full");
        ConnectException refused = new ConnectException("Connection refused");
        refused.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.postgresql.core.PGStream", "createSocket", "PGStream.java", 1)});

        FailureAnalysis analysis = new MissingDependencyFailureAnalyzer(environment)
                .analyze(new IllegalStateException("start-up failed", refused));

        assertThat(analysis.getDescription())
                .startsWith("PostgreSQL is not reachable at jdbc:postgresql://db.internal:5432/referral_api?user=app"
                        + "&password=****&sslmode=verify-full")
                .doesNotContain("hunter2");
    }

    @Test
    void aMissingDependencyLineShowsNoUserInfoPassword() {
        FailureAnalysis analysis = new MissingDependencyFailureAnalyzer(new MockEnvironment()).analyze(
                new MissingDependencyException("Schema registry is not reachable at https://svc:hunter2@sr:8081", null));

        assertThat(analysis.getDescription()).isEqualTo("Schema registry is not reachable at https://svc:****@sr:8081");
    }
}
