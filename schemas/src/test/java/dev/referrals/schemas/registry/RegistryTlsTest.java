package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https registry is trusted through the registry-scoped truststore, and not without it. */
class RegistryTlsTest {

    private static final String PASSWORD = "changeit";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    private HttpsServer server;
    private Path trustStore;

    @BeforeEach
    void startHttpsRegistry() throws Exception {
        Path keyStore = dir.resolve("registry.p12");
        Path certificate = dir.resolve("registry.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                byte[] body = "[\"secure-value\"]".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    @Test
    void httpsRegistryIsTrustedThroughTheRegistryTruststore() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, url(),
                "schema.registry.ssl.truststore.location", trustStore.toString(),
                "schema.registry.ssl.truststore.password", PASSWORD,
                "schema.registry.ssl.truststore.type", "PKCS12"));

        assertThat(client.subjects()).containsExactly("secure-value");
    }

    @Test
    void httpsRegistryWithAnUntrustedCertificateGetsNoResponse() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, url(),
                SchemaRegistryClientConfig.MAX_RETRIES, 0));

        assertThatThrownBy(client::subjects).isInstanceOfSatisfying(SchemaRegistryException.class,
                failure -> assertThat(failure.isNoResponse()).isTrue());
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static SSLContext serverContext(Path keyStorePath) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStorePath)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
