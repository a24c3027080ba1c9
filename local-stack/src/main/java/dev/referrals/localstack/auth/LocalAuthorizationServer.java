package dev.referrals.localstack.auth;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.StateDirectory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OAuth2/OIDC authorization server on this machine: Spring Authorization Server on embedded Tomcat, with the
 * clients and users of {@link LocalIdentities}. Its issuer URI ({@link #issuerUri()}) is all a service needs:
 * discovery at {@code /.well-known/openid-configuration}, keys at {@code /oauth2/jwks}, tokens at
 * {@code /oauth2/token}.
 *
 * <p>The keys live in memory: a restart makes new ones, and tokens signed before it stop validating.
 */
public final class LocalAuthorizationServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalAuthorizationServer.class);

    private static final String WHAT = "Authorization server";
    private static final String SECURITY_FILTER = "springSecurityFilterChain";

    private final Tomcat tomcat;
    private final Path baseDir;
    private final String issuerUri;
    private final SigningKeys keys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalAuthorizationServer(Tomcat tomcat, Path baseDir, String issuerUri, SigningKeys keys) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.issuerUri = issuerUri;
        this.keys = keys;
    }

    /**
     * Starts the server on host:port (0 for any free port).
     *
     * @throws LocalStackStartupException with a one-line message if the port is busy or the server fails
     */
    public static LocalAuthorizationServer start(String host, int requestedPort) {
        if (requestedPort != LocalPorts.ANY_FREE_PORT) {
            LocalPorts.requireFree(WHAT, host, requestedPort, Setting.AUTH_PORT);
        }
        SigningKeys keys = new SigningKeys();
        Path baseDir = temporaryDirectory();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        // Port 0 is bound by Tomcat itself, when it initialises the connector and before the application starts,
        // so the issuer (which names the port) is known in time and no other process can take the port meanwhile.
        Connector connector = new Connector();
        connector.setPort(requestedPort);
        connector.setProperty("address", host);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        context.addServletContainerInitializer((classes, servletContext) ->
                startSpring(servletContext, issuerUri(host, connector.getLocalPort()), keys), Set.of());
        Tomcat.addServlet(context, "notFound", new NotFound());
        context.addServletMappingDecoded("/", "notFound");
        try {
            tomcat.start();
        } catch (LifecycleException | RuntimeException e) {
            stopQuietly(tomcat);
            throw new LocalStackStartupException(WHAT + " failed to start on " + host + ":" + requestedPort + " ("
                    + LocalStackStartupException.rootMessage(e) + "); " + Setting.AUTH_PORT.howToChange()
                    + " to a free port", e);
        }
        String issuerUri = issuerUri(host, connector.getLocalPort());
        log.info("Authorization server listening on {}", issuerUri);
        return new LocalAuthorizationServer(tomcat, baseDir, issuerUri, keys);
    }

    private static String issuerUri(String host, int port) {
        return "http://" + host + ":" + port;
    }

    /** What services put in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    public String issuerUri() {
        return issuerUri;
    }

    /** The server's signing keys: rotate them, or sign a token the server would not issue (tests). */
    public SigningKeys keys() {
        return keys;
    }

    /** A client for this server's token endpoint and sign-in. */
    public TokenClient tokens() {
        return new TokenClient(issuerUri);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly(tomcat);
            StateDirectory.delete(baseDir);
            log.info("Authorization server stopped");
        }
    }

    private static void startSpring(ServletContext servletContext, String issuerUri, SigningKeys keys) {
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.setServletContext(servletContext);
        spring.addBeanFactoryPostProcessor(beans -> {
            beans.registerSingleton("authorizationServerSettings",
                    AuthorizationServerSettings.builder().issuer(issuerUri).build());
            beans.registerSingleton("signingKeys", keys);
        });
        spring.register(AuthorizationServerConfiguration.class);
        spring.refresh();
        servletContext.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                spring.close();
            }
        });
        servletContext.addFilter(SECURITY_FILTER, new DelegatingFilterProxy(SECURITY_FILTER, spring))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
    }

    private static void stopQuietly(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            log.warn("Authorization server did not stop cleanly: {}", e.toString());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("referrals-auth-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is not an endpoint of the server: the security filters answer everything else first. */
    private static final class NotFound extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
