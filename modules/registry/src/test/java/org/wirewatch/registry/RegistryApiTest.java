package org.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaCatalog;
import org.wirewatch.serde.SchemaMetadata;

class RegistryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTOR_V2 =
            "{\"type\":\"record\",\"name\":\"Actor\",\"namespace\":\"org.wirewatch.schema\","
                    + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
                    + "{\"name\":\"qualifier\",\"type\":[\"null\",\"string\"],\"default\":null},"
                    + "{\"name\":\"side\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    private static final String ACTOR_BROKEN =
            "{\"type\":\"record\",\"name\":\"Actor\",\"namespace\":\"org.wirewatch.schema\","
                    + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"side\",\"type\":\"string\"}]}";

    private final SchemaCatalog catalog = new SchemaCatalog(Compatibility.BACKWARD);
    private final RegistryApi api = new RegistryApi(catalog, new SchemaWriter() {
        @Override
        public SchemaMetadata register(String subject, Schema schema) {
            SchemaCatalog.Registration registration = catalog.prepare(subject, schema);
            catalog.put(registration.metadata());
            return registration.metadata();
        }

        @Override
        public void setCompatibility(String subject, Compatibility level) {
            catalog.setCompatibility(subject, level);
        }
    });

    @Test
    void shouldAssignIdsAndVersionsWhenRegistering() throws IOException {
        // when
        JsonNode first = ok(
                post("/subjects/actors-value/versions", Actor.getClassSchema().toString()));
        JsonNode again = ok(
                post("/subjects/actors-value/versions", Actor.getClassSchema().toString()));
        JsonNode second = ok(post("/subjects/actors-value/versions", ACTOR_V2));
        JsonNode elsewhere =
                ok(post("/subjects/other-value/versions", Actor.getClassSchema().toString()));

        // then
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(again.get("id").asInt()).isEqualTo(1);
        assertThat(second.get("id").asInt()).isEqualTo(2);
        assertThat(elsewhere.get("id").asInt()).isEqualTo(1);
        assertThat(ok(get("/subjects/actors-value/versions"))).hasToString("[1,2]");
        assertThat(ok(get("/subjects"))).hasToString("[\"actors-value\",\"other-value\"]");
        assertThat(ok(get("/schemas/ids/1/versions")))
                .hasToString(
                        "[{\"subject\":\"actors-value\",\"version\":1},{\"subject\":\"other-value\",\"version\":1}]");
    }

    @Test
    void shouldAnswerSchemaAndMetadataWhenReadingById() throws IOException {
        // given
        ok(post("/subjects/raw-value/versions", WireReport.getClassSchema().toString()));

        // when
        JsonNode byId = ok(get("/schemas/ids/1"));
        JsonNode latest = ok(get("/subjects/raw-value/versions/latest"));
        JsonNode raw = ok(get("/subjects/raw-value/versions/1/schema"));

        // then
        assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(WireReport.getClassSchema());
        assertThat(latest.get("subject").asText()).isEqualTo("raw-value");
        assertThat(latest.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("id").asInt()).isEqualTo(1);
        assertThat(raw.get("name").asText()).isEqualTo("WireReport");
    }

    @Test
    void shouldFindRegisteredSchemaWhenLookingUpUnderSubject() throws IOException {
        // given
        ok(post("/subjects/actors-value/versions", Actor.getClassSchema().toString()));

        // when
        JsonNode found =
                ok(post("/subjects/actors-value", Actor.getClassSchema().toString()));
        RegistryApi.Response missingSchema = post("/subjects/actors-value", ACTOR_V2);
        RegistryApi.Response missingSubject = post("/subjects/nobody-value", ACTOR_V2);

        // then
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertError(missingSchema, 404, 40403);
        assertError(missingSubject, 404, 40401);
    }

    @Test
    void shouldRefuseWith409AndReasonWhenSchemaBreaksCompatibility() throws IOException {
        // given
        ok(post("/subjects/actors-value/versions", Actor.getClassSchema().toString()));

        // when
        RegistryApi.Response refused = post("/subjects/actors-value/versions", ACTOR_BROKEN);
        JsonNode check = ok(api.handle(
                "POST", "/compatibility/subjects/actors-value/versions/latest", "verbose=true", body(ACTOR_BROKEN)));
        JsonNode fine = ok(post("/compatibility/subjects/actors-value/versions/latest", ACTOR_V2));

        // then
        assertError(refused, 409, 409);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("side");
        assertThat(check.get("is_compatible").asBoolean()).isFalse();
        assertThat(check.get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(fine.get("is_compatible").asBoolean()).isTrue();
        assertThat(fine.has("messages")).isFalse();
    }

    @Test
    void shouldAcceptBreakingSchemaWhenSubjectLevelIsNone() throws IOException {
        // given
        ok(post("/subjects/actors-value/versions", Actor.getClassSchema().toString()));

        // when
        JsonNode set = ok(api.handle("PUT", "/config/actors-value", null, "{\"compatibility\":\"none\"}".getBytes()));
        JsonNode registered = ok(post("/subjects/actors-value/versions", ACTOR_BROKEN));

        // then
        assertThat(set.get("compatibility").asText()).isEqualTo("NONE");
        assertThat(registered.get("id").asInt()).isEqualTo(2);
        assertThat(ok(get("/config/actors-value")).get("compatibilityLevel").asText())
                .isEqualTo("NONE");
        assertThat(ok(get("/config")).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertError(get("/config/other-value"), 404, 40408);
        assertError(api.handle("PUT", "/config", null, "{\"compatibility\":\"SIDEWAYS\"}".getBytes()), 422, 42203);
    }

    @Test
    void shouldAnswerConfluentErrorsWhenRequestIsWrong() {
        assertError(
                post(
                        "/subjects/x-value/versions",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\"}]}"),
                422,
                42201);
        assertError(
                api.handle(
                        "POST",
                        "/subjects/x-value/versions",
                        null,
                        "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}".getBytes()),
                422,
                42201);
        assertError(api.handle("POST", "/subjects/x-value/versions", null, "not json".getBytes()), 400, 400);
        assertError(get("/schemas/ids/77"), 404, 40403);
        assertError(get("/subjects/x-value/versions/latest"), 404, 40401);
        assertError(get("/nowhere"), 404, 404);
        assertError(api.handle("DELETE", "/subjects", null, new byte[0]), 405, 405);
    }

    @Test
    void shouldRefuseBadVersionsWhenSubjectExists() {
        // given
        post("/subjects/actors-value/versions", Actor.getClassSchema().toString());

        // then
        assertError(get("/subjects/actors-value/versions/first"), 422, 42202);
        assertError(get("/subjects/actors-value/versions/0"), 422, 42202);
        assertError(get("/subjects/actors-value/versions/9"), 404, 40402);
    }

    @Test
    void shouldDecodeSubjectWhenPathIsEncoded() throws IOException {
        // when
        ok(post("/subjects/a%20b%2Bc/versions", Actor.getClassSchema().toString()));

        // then
        assertThat(ok(get("/subjects"))).hasToString("[\"a b+c\"]");
        assertThat(ok(get("/subjects/a%20b+c/versions")).toString()).isEqualTo("[1]");
    }

    private RegistryApi.Response get(String path) {
        return api.handle("GET", path, null, new byte[0]);
    }

    private RegistryApi.Response post(String path, String schema) {
        return api.handle("POST", path, null, body(schema));
    }

    private static byte[] body(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode ok(RegistryApi.Response response) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(RegistryApi.Response response, int status, int errorCode) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        try {
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error_code").asInt()).isEqualTo(errorCode);
            assertThat(body.get("message").asText()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
