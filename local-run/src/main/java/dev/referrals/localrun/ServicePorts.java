package dev.referrals.localrun;

/**
 * The two ports of a running service.
 *
 * @param http       its API ({@code server.port}); the processor and the worker serve nothing there but 401s
 * @param management its actuator ({@code management.server.port}): health and prometheus open, the rest for ops
 */
public record ServicePorts(int http, int management) {
}
