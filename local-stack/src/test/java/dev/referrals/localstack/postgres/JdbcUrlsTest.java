package dev.referrals.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsHostPortAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.ci:5432/postgres?sslmode=disable", "test_1"))
                .isEqualTo("jdbc:postgresql://db.ci:5432/test_1?sslmode=disable");
    }

    @Test
    void addsADatabaseToAUrlWithoutOne() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432", "test_1"))
                .isEqualTo("jdbc:postgresql://localhost:5432/test_1");
    }

    @Test
    void refusesAUrlOfAnotherDatabaseKind() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://localhost/x", "test_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
