package org.wirewatch.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * A client of the Confluent Schema Registry REST API (Confluent's own registry, or Wirewatch's registry server).
 *
 * <p>Uses {@code POST /subjects/{s}/versions}, {@code GET /schemas/ids/{id}}, {@code GET /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{v|latest}}, {@code POST /subjects/{s}} (lookup),
 * {@code POST /compatibility/subjects/{s}/versions/latest} and {@code GET /subjects}, with content type
 * {@code application/vnd.schemaregistry.v1+json}. Schemas by id and ids of registered (subject, schema) pairs are
 * cached for the life of the client since the registry never changes them. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (config.hasCustomTls()) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
        this.authorization = config.bearerToken()
                .map(token -> "Bearer " + token)
                .or(() -> config.userInfo()
                        .map(info ->
                                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8))));
    }

    /** A client for {@code url} with the settings of {@code config} (Confluent key names). */
    public static RestSchemaRegistryClient of(String url, Map<String, ?> config) {
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url, config));
    }

    @Override
    public int register(String subject, Schema schema) {
        String canonical = SchemaCatalog.canonical(schema);
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(canonical);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), subject);
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException(
                    "Registering subject '" + subject + "' at " + url() + " gave no id: " + answer, 500, 0);
        }
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null, null);
        Schema schema = parse(answer, "schema " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public SchemaMetadata latest(String subject) {
        return metadata(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null, subject), subject);
    }

    @Override
    public SchemaMetadata version(String subject, int version) {
        return metadata(call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null, subject), subject);
    }

    @Override
    public List<Integer> versions(String subject) {
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions", null, subject);
        List<Integer> versions = new ArrayList<>();
        answer.forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public Optional<SchemaMetadata> lookup(String subject, Schema schema) {
        try {
            SchemaMetadata found =
                    metadata(call("POST", "/subjects/" + encode(subject), schemaBody(schema), subject), subject);
            remember(subject, schema, found.id());
            return Optional.of(found);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = call(
                    "POST",
                    "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema),
                    subject);
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            // A subject without versions accepts any schema; older registries answer 404 instead of true.
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = call("GET", "/subjects", null, null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    @Override
    public String url() {
        return String.join(",", config.urls());
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(SchemaCatalog.canonical(schema), id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private SchemaMetadata metadata(JsonNode answer, String subject) {
        Schema schema = parse(answer, "subject '" + subject + "'");
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new SchemaMetadata(
                answer.path("subject").asText(subject),
                id,
                answer.path("version").asInt(),
                schema);
    }

    private Schema parse(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(
                    "The registry at " + url() + " holds a " + type + " schema for " + what
                            + "; Wirewatch reads only Avro",
                    422,
                    SchemaRegistryException.INVALID_SCHEMA);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(
                    "The registry at " + url() + " sent no schema for " + what + ": " + answer, 500, 0);
        }
        return SchemaCatalog.parse(text.asText());
    }

    private JsonNode call(String method, String path, String body, String subject) {
        SchemaRegistryException last = null;
        for (String base : config.urls()) {
            String url = base + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.readTimeout())
                    .header("Accept", ACCEPT);
            authorization.ifPresent(value -> request.header("Authorization", value));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new SchemaRegistryException(method + " " + url + describe(subject) + " failed: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(method + " " + url + describe(subject) + " was interrupted", e);
            }
            return answer(method, url, subject, response);
        }
        throw last;
    }

    private static JsonNode answer(String method, String url, String subject, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank()
                    ? JSON.nullNode()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new SchemaRegistryException(
                        method + " " + url + describe(subject) + " answered with a body that is not JSON: "
                                + abbreviate(response.body()),
                        status,
                        0);
            }
            return json;
        }
        int errorCode = json != null ? json.path("error_code").asInt(0) : 0;
        String message =
                json != null && json.hasNonNull("message") ? json.get("message").asText() : abbreviate(response.body());
        throw new SchemaRegistryException(
                method + " " + url + describe(subject) + ": HTTP " + status
                        + (errorCode != 0 ? " error_code " + errorCode : "") + ": " + message,
                status,
                errorCode);
    }

    private static String describe(String subject) {
        return subject == null ? "" : " (subject '" + subject + "')";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext sslContext(SchemaRegistryClientConfig config) {
        try {
            TrustManagerFactory trust = null;
            if (config.truststoreLocation().isPresent()) {
                KeyStore store = load(
                        config.truststoreLocation().get(),
                        config.truststoreType(),
                        config.truststorePassword().orElse(null));
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            KeyManagerFactory keys = null;
            if (config.keystoreLocation().isPresent()) {
                KeyStore store = load(
                        config.keystoreLocation().get(),
                        config.keystoreType(),
                        config.keystorePassword().orElse(null));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] keyPassword = config.keyPassword()
                        .or(config::keystorePassword)
                        .map(String::toCharArray)
                        .orElse(null);
                keys.init(store, keyPassword);
            }
            SSLContext context = SSLContext.getInstance(config.sslProtocol());
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("Cannot set up TLS for the schema registry at " + config.urls() + ": " + e);
        }
    }

    private static KeyStore load(String location, String type, String password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }
}
