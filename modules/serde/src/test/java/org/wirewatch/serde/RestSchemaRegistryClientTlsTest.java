package org.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST client against an https registry that requires a client certificate (mutual TLS). */
class RestSchemaRegistryClientTlsTest {

    private static final String PASSWORD = "changeit";

    private static Path keystore;
    private static Path truststore;
    private static HttpsServer server;
    private static String url;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        // One self-signed key pair (src/test/resources/tls) serves as the server's and the client's identity; the
        // trust store holds its certificate, so each side trusts the other.
        keystore = Path.of(RestSchemaRegistryClientTlsTest.class
                .getResource("/tls/identity.p12")
                .toURI());
        truststore = Path.of(RestSchemaRegistryClientTlsTest.class
                .getResource("/tls/trust.p12")
                .toURI());

        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore));
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/subjects", exchange -> {
            byte[] body = "[\"secure-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "https://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldTalkToHttpsRegistryWhenTrustStoreAndKeyStoreAreConfigured() {
        // given
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(
                url,
                Map.of(
                        SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION, truststore.toString(),
                        SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD,
                        SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION, keystore.toString(),
                        SchemaRegistryClientConfig.SSL_KEYSTORE_PASSWORD, PASSWORD,
                        SchemaRegistryClientConfig.SSL_KEY_PASSWORD, PASSWORD));

        // when
        List<String> subjects = client.subjects();

        // then
        assertThat(subjects).containsExactly("secure-value");
    }

    @Test
    void shouldFailNamingUrlWhenServerCertificateIsNotTrusted() {
        // given: the JDK's default trust store, which does not hold the self-signed certificate
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when / then
        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(url + "/subjects")
                .hasMessageContaining("SSL");
    }

    @Test
    void shouldFailWhenClientPresentsNoCertificate() {
        // given: the server is trusted, but the client has no key store
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(
                url,
                Map.of(
                        SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION,
                        truststore.toString(),
                        SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD,
                        PASSWORD));

        // when / then
        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(url + "/subjects");
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
