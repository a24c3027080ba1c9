package dev.referrals.localrun;

import dev.referrals.localstack.Setting;

/** The three services of the pipeline, as the launcher runs them. */
public enum Service {

    REFERRAL_API("referral-api", 8080, 9080, "referral_api", Setting.API_PORT, Setting.API_MANAGEMENT_PORT),
    REFERRAL_PROCESSOR("referral-processor", 8082, 9082, "referral_processor", Setting.PROCESSOR_PORT,
            Setting.PROCESSOR_MANAGEMENT_PORT),
    NOTIFICATION_WORKER("notification-worker", 8083, 9083, "notification_worker", Setting.WORKER_PORT,
            Setting.WORKER_MANAGEMENT_PORT);

    private final String module;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final String database;
    private final Setting portSetting;
    private final Setting managementPortSetting;

    Service(String module, int defaultPort, int defaultManagementPort, String database, Setting portSetting,
            Setting managementPortSetting) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.database = database;
        this.portSetting = portSetting;
        this.managementPortSetting = managementPortSetting;
    }

    /** The local run's setting that moves its HTTP port. */
    public Setting portSetting() {
        return portSetting;
    }

    /** The local run's setting that moves its management port. */
    public Setting managementPortSetting() {
        return managementPortSetting;
    }

    /** The Maven module, and the name the service logs and reports under. */
    public String module() {
        return module;
    }

    /** The HTTP port in the service's own {@code application.yml}. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The management (actuator) port in the service's own {@code application.yml}. */
    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** The service's own database: services never share tables. */
    public String database() {
        return database;
    }

    /** The runnable jar, as {@code local-run}'s build copies it: {@code target/services/<module>-exec.jar}. */
    public String jarName() {
        return module + "-exec.jar";
    }
}
