package dev.referrals.benchmarks.report;

import dev.referrals.localstack.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;

/** The versions of what was measured: the project, and the Kafka, Spring Boot, PostgreSQL and Java under it. */
public record Versions(String project, String kafka, String springBoot, String postgres, String java) {

    /** Written by the build (resource filtering), so a report names the code it measured. */
    private static final String BUILD_PROPERTIES = "/benchmarks-build.properties";

    public static Versions detect(DatabaseCoordinates anyDatabase) {
        return new Versions(projectVersion(), AppInfoParser.getVersion(), SpringBootVersion.getVersion(),
                postgres(anyDatabase), System.getProperty("java.version"));
    }

    private static String projectVersion() {
        Properties build = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return build.getProperty("project.version", "unknown");
    }

    private static String postgres(DatabaseCoordinates database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show server_version")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
