package org.wirewatch.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaCatalog;
import org.wirewatch.serde.SchemaMetadata;
import org.wirewatch.serde.SchemaRegistryException;

/**
 * The Confluent Schema Registry REST API subset Wirewatch serves, independent of the HTTP server: a request
 * (method, raw path, raw query, body) in, a status and a JSON body out. Errors use Confluent's body
 * {@code {"error_code": ..., "message": ...}} and codes, so Confluent's clients understand them.
 *
 * <p>Routes: {@code GET /}, {@code GET /subjects}, {@code GET /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{v|latest}}, {@code GET /subjects/{s}/versions/{v|latest}/schema},
 * {@code POST /subjects/{s}/versions} (register), {@code POST /subjects/{s}} (lookup),
 * {@code GET /schemas/ids/{id}}, {@code GET /schemas/ids/{id}/schema}, {@code GET /schemas/ids/{id}/versions},
 * {@code GET /schemas/ids/{id}/subjects}, {@code GET /schemas/types},
 * {@code POST /compatibility/subjects/{s}/versions/{v|latest}} ({@code ?verbose=true} adds the reasons),
 * {@code GET|PUT /config}, {@code GET|PUT /config/{s}}, {@code GET /mode}. Only Avro schemas, no references.
 */
final class RegistryApi {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaCatalog catalog;
    private final SchemaWriter writer;

    RegistryApi(SchemaCatalog catalog, SchemaWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    /** A status and a JSON body. */
    record Response(int status, String body) {}

    Response handle(String method, String rawPath, String rawQuery, byte[] body) {
        try {
            List<String> path = segments(rawPath);
            JsonNode answer = route(method, path, rawQuery == null ? "" : rawQuery, body);
            return new Response(200, JSON.writeValueAsString(answer));
        } catch (SchemaRegistryException e) {
            int status = e.httpStatus() == 0 ? 500 : e.httpStatus();
            return error(status, e.errorCode() == 0 ? status : e.errorCode(), e.getMessage());
        } catch (RouteException e) {
            return error(e.status, e.errorCode, e.getMessage());
        } catch (JsonProcessingException e) {
            return error(500, 50000, "Cannot write the answer: " + e.getOriginalMessage());
        }
    }

    private JsonNode route(String method, List<String> path, String query, byte[] body) {
        if (path.isEmpty()) {
            return only("GET", method, JSON.createObjectNode());
        }
        return switch (path.get(0)) {
            case "subjects" -> subjects(method, path, body);
            case "schemas" -> schemas(method, path);
            case "compatibility" -> compatibility(method, path, query, body);
            case "config" -> config(method, path, body);
            case "mode" -> only("GET", method, JSON.createObjectNode().put("mode", "READWRITE"));
            default -> throw notFound();
        };
    }

    private JsonNode subjects(String method, List<String> path, byte[] body) {
        if (path.size() == 1) {
            ArrayNode subjects = JSON.createArrayNode();
            only("GET", method, subjects);
            catalog.subjects().forEach(subjects::add);
            return subjects;
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            only("POST", method, null);
            Schema schema = schemaOf(body);
            if (!catalog.hasSubject(subject)) {
                throw new RouteException(
                        404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
            }
            SchemaMetadata found = catalog.find(subject, schema)
                    .orElseThrow(() ->
                            new RouteException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
            return metadata(found);
        }
        if (!path.get(2).equals("versions")) {
            throw notFound();
        }
        if (path.size() == 3) {
            if (method.equals("POST")) {
                SchemaMetadata registered = writer.register(subject, schemaOf(body));
                return JSON.createObjectNode().put("id", registered.id());
            }
            only("GET", method, null);
            ArrayNode versions = JSON.createArrayNode();
            requireSubject(subject);
            catalog.versions(subject).forEach(versions::add);
            return versions;
        }
        only("GET", method, null);
        SchemaMetadata version = version(subject, path.get(3));
        if (path.size() == 4) {
            return metadata(version);
        }
        if (path.size() == 5 && path.get(4).equals("schema")) {
            return rawSchema(version.schema());
        }
        throw notFound();
    }

    private JsonNode schemas(String method, List<String> path) {
        only("GET", method, null);
        if (path.size() == 2 && path.get(1).equals("types")) {
            return JSON.createArrayNode().add("AVRO");
        }
        if (path.size() < 3 || !path.get(1).equals("ids")) {
            throw notFound();
        }
        int id = integer(
                path.get(2), 404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + path.get(2) + " not found");
        Schema schema = catalog.byId(id)
                .orElseThrow(() -> new RouteException(
                        404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found"));
        if (path.size() == 3) {
            return JSON.createObjectNode().put("schema", schema.toString());
        }
        if (path.size() == 4) {
            switch (path.get(3)) {
                case "schema":
                    return rawSchema(schema);
                case "versions": {
                    ArrayNode uses = JSON.createArrayNode();
                    catalog.usesOf(id)
                            .forEach(m ->
                                    uses.addObject().put("subject", m.subject()).put("version", m.version()));
                    return uses;
                }
                case "subjects": {
                    ArrayNode subjects = JSON.createArrayNode();
                    catalog.usesOf(id).stream()
                            .map(SchemaMetadata::subject)
                            .distinct()
                            .forEach(subjects::add);
                    return subjects;
                }
                default:
                    break;
            }
        }
        throw notFound();
    }

    private JsonNode compatibility(String method, List<String> path, String query, byte[] body) {
        only("POST", method, null);
        if (path.size() != 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw notFound();
        }
        String subject = path.get(2);
        Schema schema = schemaOf(body);
        List<String> problems;
        if (!catalog.hasSubject(subject)) {
            problems = List.of();
        } else if (path.get(4).equals("latest") || path.get(4).equals("-1")) {
            problems = catalog.incompatibilities(subject, schema);
        } else {
            SchemaMetadata against = version(subject, path.get(4));
            Compatibility level = catalog.compatibility(subject);
            // Checked against that one version: a transitive level has only that one schema to look at.
            problems = level.incompatibilities(schema, List.of(against.schema()));
        }
        ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (Arrays.asList(query.split("&")).contains("verbose=true")) {
            ArrayNode messages = answer.putArray("messages");
            problems.forEach(messages::add);
        }
        return answer;
    }

    private JsonNode config(String method, List<String> path, byte[] body) {
        if (path.size() > 2) {
            throw notFound();
        }
        String subject = path.size() == 2 ? path.get(1) : null;
        if (method.equals("PUT")) {
            JsonNode request = json(body);
            JsonNode level = request.get("compatibility");
            if (level == null || !level.isTextual()) {
                throw new RouteException(
                        422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, "Missing field 'compatibility'");
            }
            Compatibility parsed;
            try {
                parsed = Compatibility.parse(level.asText());
            } catch (IllegalArgumentException e) {
                throw new RouteException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, e.getMessage());
            }
            writer.setCompatibility(subject, parsed);
            return JSON.createObjectNode().put("compatibility", parsed.name());
        }
        only("GET", method, null);
        Optional<Compatibility> level =
                subject == null ? Optional.of(catalog.compatibility(null)) : catalog.subjectCompatibility(subject);
        return JSON.createObjectNode()
                .put(
                        "compatibilityLevel",
                        level.orElseThrow(() -> new RouteException(
                                        404,
                                        40408,
                                        "Subject '" + subject
                                                + "' does not have subject-level compatibility configured"))
                                .name());
    }

    private SchemaMetadata version(String subject, String version) {
        requireSubject(subject);
        if (version.equals("latest") || version.equals("-1")) {
            return catalog.latest(subject).orElseThrow(() -> subjectNotFound(subject));
        }
        int number = integer(
                version,
                422,
                SchemaRegistryException.INVALID_VERSION,
                "The specified version '"
                        + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
                        + " \"latest\"");
        if (number < 1) {
            throw new RouteException(
                    422,
                    SchemaRegistryException.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id");
        }
        return catalog.version(subject, number)
                .orElseThrow(() -> new RouteException(
                        404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + number + " not found."));
    }

    private void requireSubject(String subject) {
        if (!catalog.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
    }

    private static RouteException subjectNotFound(String subject) {
        return new RouteException(
                404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    private static Schema schemaOf(byte[] body) {
        JsonNode request = json(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new RouteException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Schema type " + type + " is not supported: this registry holds Avro schemas only");
        }
        JsonNode references = request.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw new RouteException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Schema references are not supported: send a self-contained schema");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RouteException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Missing field 'schema' (the schema as a JSON string)");
        }
        return SchemaCatalog.parse(schema.asText());
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body == null ? new byte[0] : body);
            if (node == null || !node.isObject()) {
                throw new RouteException(422, 422, "The request body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new RouteException(400, 400, "The request body is not JSON: " + e.getMessage());
        }
    }

    private static ObjectNode metadata(SchemaMetadata metadata) {
        return JSON.createObjectNode()
                .put("subject", metadata.subject())
                .put("version", metadata.version())
                .put("id", metadata.id())
                .put("schema", metadata.schema().toString());
    }

    private static JsonNode rawSchema(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (JsonProcessingException e) {
            throw new RouteException(500, 50000, "Stored schema is not JSON: " + e.getOriginalMessage());
        }
    }

    private static int integer(String text, int status, int errorCode, String message) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RouteException(status, errorCode, message);
        }
    }

    private static JsonNode only(String expected, String method, JsonNode answer) {
        if (!expected.equals(method)) {
            throw new RouteException(405, 405, "HTTP 405 Method Not Allowed");
        }
        return answer;
    }

    private static RouteException notFound() {
        return new RouteException(404, 404, "HTTP 404 Not Found");
    }

    private static Response error(int status, int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
        return new Response(status, body.toString());
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                // Decode %XX only: a '+' in a subject is a plus sign, not a space.
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** A request the API answers with an error. */
    private static final class RouteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final int errorCode;

        RouteException(int status, int errorCode, String message) {
            super(message, null, false, false);
            this.status = status;
            this.errorCode = errorCode;
        }
    }
}
