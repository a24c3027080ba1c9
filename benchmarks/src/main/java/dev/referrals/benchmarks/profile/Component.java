package dev.referrals.benchmarks.profile;

import java.util.List;

/**
 * Which piece of software a stack frame belongs to, by package: the unit a bottleneck is named in ("PostgreSQL JDBC
 * driver", "Logging"), more telling than a single method.
 */
final class Component {

    private record Prefix(String packagePrefix, String name) {
    }

    static final String JDK = "JDK";

    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "kotlin.", "scala.");

    /** The first prefix that matches wins: specific Spring modules before Spring as a whole. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("dev.referrals.", "application code (dev.referrals)"),
            new Prefix("org.postgresql.", "PostgreSQL JDBC driver"),
            new Prefix("com.zaxxer.hikari.", "HikariCP"),
            new Prefix("org.springframework.kafka.", "Spring Kafka"),
            new Prefix("org.apache.kafka.", "Kafka client"),
            new Prefix("org.springframework.jdbc.", "Spring JDBC"),
            new Prefix("org.springframework.transaction.", "Spring transactions"),
            new Prefix("org.springframework.web.", "Spring MVC"),
            new Prefix("org.springframework.http.", "Spring MVC"),
            new Prefix("org.springframework.mail.", "Spring Mail"),
            new Prefix("org.springframework.", "Spring (core, AOP, beans)"),
            new Prefix("org.apache.catalina.", "Tomcat"),
            new Prefix("org.apache.coyote.", "Tomcat"),
            new Prefix("org.apache.tomcat.", "Tomcat"),
            new Prefix("tools.jackson.", "Jackson"),
            new Prefix("com.fasterxml.jackson.", "Jackson"),
            new Prefix("org.apache.avro.", "Avro"),
            new Prefix("ch.qos.logback.", "logging (Logback)"),
            new Prefix("org.slf4j.", "logging (Logback)"),
            new Prefix("io.micrometer.", "observability (Micrometer, Brave)"),
            new Prefix("brave.", "observability (Micrometer, Brave)"),
            new Prefix("zipkin2.", "observability (Micrometer, Brave)"),
            new Prefix("jakarta.mail.", "JavaMail"),
            new Prefix("org.eclipse.angus.", "JavaMail"),
            new Prefix("org.thymeleaf.", "Thymeleaf"),
            new Prefix("org.attoparser.", "Thymeleaf"),
            new Prefix("org.unbescape.", "Thymeleaf"),
            new Prefix("ognl.", "Thymeleaf"),
            new Prefix("org.hibernate.validator.", "Bean Validation"),
            new Prefix("org.flywaydb.", "Flyway"));

    private Component() {
    }

    static boolean isJdk(String className) {
        return JDK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    static String of(String className) {
        if (isJdk(className)) {
            return JDK;
        }
        for (Prefix prefix : PREFIXES) {
            if (className.startsWith(prefix.packagePrefix())) {
                return prefix.name();
            }
        }
        String[] parts = className.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : className;
    }
}
