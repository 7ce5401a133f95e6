package org.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.WireReport;

class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private String url;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            requests.add(new Request(
                    key,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Answer answer = answers.getOrDefault(
                    key, new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldPostSchemaWithBasicAuthWhenRegistering() throws IOException {
        // given
        answers.put("POST /subjects/wirewatch.reports.raw.v1-value/versions", new Answer(200, "{\"id\":21}"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(
                url, Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "fred:s3cret"));

        // when
        int id = client.register("wirewatch.reports.raw.v1-value", WireReport.getClassSchema());
        int again = client.register("wirewatch.reports.raw.v1-value", WireReport.getClassSchema());

        // then
        assertThat(id).isEqualTo(21);
        assertThat(again).isEqualTo(21);
        assertThat(requests).hasSize(1);
        Request request = requests.get(0);
        assertThat(request.authorization())
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("fred:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(request.body()).get("schema").asText())
                .isEqualTo(WireReport.getClassSchema().toString());
        assertThat(client.getById(21)).isEqualTo(WireReport.getClassSchema());
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldPreferPrefixedKeysWhenBothFormsAreGiven() {
        // given
        answers.put("GET /subjects", new Answer(200, "[]"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(
                url,
                Map.of(
                        "basic.auth.credentials.source",
                        "USER_INFO",
                        "basic.auth.user.info",
                        "plain:one",
                        "schema.registry.basic.auth.user.info",
                        "prefixed:two"));

        // when
        client.subjects();

        // then
        assertThat(requests.get(0).authorization())
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("prefixed:two".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTakeCredentialsFromUrlWhenSourceIsUrl() {
        // given
        answers.put("GET /subjects", new Answer(200, "[\"a-value\",\"b-key\"]"));
        String withUser = url.replace("http://", "http://ann:pw@");
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(withUser, Map.of());

        // when
        List<String> subjects = client.subjects();

        // then
        assertThat(subjects).containsExactly("a-value", "b-key");
        assertThat(requests.get(0).authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(client.url()).isEqualTo(url);
    }

    @Test
    void shouldFetchAndCacheSchemaWhenLookingUpById() {
        // given
        answers.put(
                "GET /schemas/ids/5",
                new Answer(200, schemaAnswer(Actor.getClassSchema().toString())));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when
        var first = client.getById(5);
        var second = client.getById(5);

        // then
        assertThat(first).isEqualTo(Actor.getClassSchema());
        assertThat(second).isSameAs(first);
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldReadSubjectVersionsWhenAskedForLatestAndByNumber() {
        // given
        String latest = "{\"subject\":\"actors-value\",\"id\":9,\"version\":3,\"schema\":"
                + JSON.valueToTree(Actor.getClassSchema().toString()) + "}";
        answers.put("GET /subjects/actors-value/versions/latest", new Answer(200, latest));
        answers.put("GET /subjects/actors-value/versions/3", new Answer(200, latest));
        answers.put("GET /subjects/actors-value/versions", new Answer(200, "[1,2,3]"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when
        SchemaMetadata metadata = client.latest("actors-value");

        // then
        assertThat(metadata).isEqualTo(new SchemaMetadata("actors-value", 9, 3, Actor.getClassSchema()));
        assertThat(client.version("actors-value", 3)).isEqualTo(metadata);
        assertThat(client.versions("actors-value")).containsExactly(1, 2, 3);
    }

    @Test
    void shouldReturnEmptyWhenLookupFindsNoSuchSchema() {
        // given
        answers.put(
                "POST /subjects/actors-value",
                new Answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));
        answers.put(
                "POST /subjects/other-value",
                new Answer(
                        200,
                        "{\"subject\":\"other-value\",\"id\":4," + "\"version\":1,\"schema\":"
                                + JSON.valueToTree(Actor.getClassSchema().toString()) + "}"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when / then
        assertThat(client.lookup("actors-value", Actor.getClassSchema())).isEmpty();
        assertThat(client.lookup("other-value", Actor.getClassSchema()))
                .contains(new SchemaMetadata("other-value", 4, 1, Actor.getClassSchema()));
    }

    @Test
    void shouldReportCompatibilityWhenRegistryAnswers() {
        // given
        answers.put(
                "POST /compatibility/subjects/actors-value/versions/latest",
                new Answer(200, "{\"is_compatible\":false}"));
        answers.put(
                "POST /compatibility/subjects/new-value/versions/latest",
                new Answer(404, "{\"error_code\":40401,\"message\":\"Subject 'new-value' not found.\"}"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when / then
        assertThat(client.testCompatibility("actors-value", Actor.getClassSchema()))
                .isFalse();
        assertThat(client.testCompatibility("new-value", Actor.getClassSchema()))
                .isTrue();
    }

    @Test
    void shouldNameUrlSubjectAndErrorCodeWhenRegistryRefuses() {
        // given
        answers.put(
                "POST /subjects/actors-value/versions",
                new Answer(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when / then
        assertThatThrownBy(() -> client.register("actors-value", Actor.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(url + "/subjects/actors-value/versions")
                .hasMessageContaining("subject 'actors-value'")
                .hasMessageContaining("error_code 409")
                .hasMessageContaining("incompatible")
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
    }

    @Test
    void shouldTryTheNextUrlWhenTheFirstCannotBeReached() throws IOException {
        // given a port nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        answers.put("GET /subjects", new Answer(200, "[]"));
        RestSchemaRegistryClient client =
                RestSchemaRegistryClient.of("http://127.0.0.1:" + closedPort + "," + url, Map.of());

        // when / then
        assertThat(client.subjects()).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldNameTheUrlWhenNoRegistryCanBeReached() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of("http://127.0.0.1:" + closedPort, Map.of());

        // when / then
        assertThatThrownBy(() -> client.latest("actors-value"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("http://127.0.0.1:" + closedPort + "/subjects/actors-value/versions/latest")
                .hasMessageContaining("subject 'actors-value'");
    }

    @Test
    void shouldGiveUpNamingTheUrlWhenRegistryAnswersTooSlowly() {
        // given a registry that answers only after the test is over
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        RestSchemaRegistryClient client =
                RestSchemaRegistryClient.of(url + "/slow", Map.of("http.read.timeout.ms", "300"));

        // when / then
        try {
            assertThatThrownBy(client::subjects)
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining(url + "/slow/subjects")
                    .hasMessageContaining("timed out");
        } finally {
            release.countDown();
        }
    }

    @Test
    void shouldEncodeSubjectWhenItHasReservedCharacters() {
        // given
        answers.put("GET /subjects/a%20b%2Fc/versions", new Answer(200, "[1]"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(url, Map.of());

        // when / then
        assertThat(client.versions("a b/c")).containsExactly(1);
    }

    @Test
    void shouldSendBearerTokenWhenConfigured() {
        // given
        answers.put("GET /subjects", new Answer(200, "[]"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(
                url,
                Map.of(
                        "schema.registry.bearer.auth.credentials.source", "STATIC_TOKEN",
                        "schema.registry.bearer.auth.token", "tok"));

        // when
        client.subjects();

        // then
        assertThat(requests.get(0).authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void shouldReportEveryProblemWhenConfigIsInvalid() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.of(
                        "ftp://x",
                        Map.of("basic.auth.credentials.source", "USER_INFO", "http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must start with http://")
                .hasMessageContaining("basic.auth.user.info=user:password")
                .hasMessageContaining("http.read.timeout.ms");
    }

    @Test
    void shouldFailClearlyWhenTrustStoreIsMissing() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.of(
                        "https://registry:8081",
                        Map.of(
                                "schema.registry.ssl.truststore.location", "target/no-such-truststore.p12",
                                "schema.registry.ssl.truststore.password", "pw")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot set up TLS")
                .hasMessageContaining("no-such-truststore.p12");
    }

    @Test
    void shouldPickMockOrRestWhenGivenAUrl() {
        assertThat(SchemaRegistryClients.forUrl("mock://x", Map.of())).isSameAs(MockSchemaRegistry.scope("x"));
        assertThat(SchemaRegistryClients.forUrl(url, Map.of())).isInstanceOf(RestSchemaRegistryClient.class);
        MockSchemaRegistry.drop("x");
    }

    private static String schemaAnswer(String schema) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema", schema);
        return node.toString();
    }

    private record Answer(int status, String body) {}

    private record Request(String key, String authorization, String contentType, String body) {}
}
