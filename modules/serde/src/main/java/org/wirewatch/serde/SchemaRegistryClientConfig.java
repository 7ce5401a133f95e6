package org.wirewatch.serde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the REST registry client, under the key names Confluent's clients use so existing client
 * configurations work unchanged.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code schema.registry.url}</td><td>(required)</td><td>one or more base URLs, comma-separated, tried in
 *       order when one cannot be reached; {@code mock://scope} selects {@link MockSchemaRegistry}</td></tr>
 *   <tr><td>{@code basic.auth.credentials.source}</td><td>{@code URL}</td><td>{@code USER_INFO} (take
 *       {@code basic.auth.user.info}) or {@code URL} (take the {@code user:pass@} part of the URL, if any)</td></tr>
 *   <tr><td>{@code basic.auth.user.info}</td><td></td><td>{@code user:password} for HTTP basic auth</td></tr>
 *   <tr><td>{@code bearer.auth.credentials.source} / {@code bearer.auth.token}</td><td></td><td>
 *       {@code STATIC_TOKEN} with a token sent as {@code Authorization: Bearer}</td></tr>
 *   <tr><td>{@code schema.registry.ssl.truststore.location} / {@code .password} / {@code .type}</td><td>JDK
 *       defaults, type PKCS12</td><td>trust store for an https registry</td></tr>
 *   <tr><td>{@code schema.registry.ssl.keystore.location} / {@code .password} / {@code .type},
 *       {@code schema.registry.ssl.key.password}</td><td>none, PKCS12</td><td>client certificate (mutual TLS)</td></tr>
 *   <tr><td>{@code schema.registry.ssl.protocol}</td><td>{@code TLS}</td><td>SSLContext protocol</td></tr>
 *   <tr><td>{@code http.connect.timeout.ms}</td><td>10000</td><td>connection timeout</td></tr>
 *   <tr><td>{@code http.read.timeout.ms}</td><td>30000</td><td>time allowed for each request's answer</td></tr>
 * </table>
 *
 * <p>The auth and timeout keys are also accepted with the {@code schema.registry.} prefix (which wins), as
 * Confluent's serializers accept them. The TLS keys are only read with the prefix, so a client's Kafka
 * {@code ssl.*} settings never leak into the registry connection.
 */
public final class SchemaRegistryClientConfig {

    public static final String URL = "schema.registry.url";
    public static final String PREFIX = "schema.registry.";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String SSL_PROTOCOL = "schema.registry.ssl.protocol";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    private final List<String> urls;
    private final Optional<String> userInfo;
    private final Optional<String> bearerToken;
    private final Optional<String> truststoreLocation;
    private final Optional<String> truststorePassword;
    private final String truststoreType;
    private final Optional<String> keystoreLocation;
    private final Optional<String> keystorePassword;
    private final String keystoreType;
    private final Optional<String> keyPassword;
    private final String sslProtocol;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private SchemaRegistryClientConfig(Map<String, ?> config, String url) {
        List<String> problems = new ArrayList<>();
        this.urls = Arrays.stream(url.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .toList();
        if (urls.isEmpty()) {
            problems.add(URL + " is empty");
        }
        for (String u : urls) {
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                problems.add(URL + " '" + u + "' must start with http:// or https:// (or be mock://scope)");
            }
        }
        String source =
                prefixed(config, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        Optional<String> info = prefixed(config, BASIC_AUTH_USER_INFO);
        switch (source) {
            case "USER_INFO" -> {
                if (info.isEmpty() || !info.get().contains(":")) {
                    problems.add(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO
                            + "=user:password");
                }
                this.userInfo = info;
            }
            case "URL" -> this.userInfo = urls.isEmpty() ? Optional.empty() : userInfoOf(urls.get(0));
            default -> {
                problems.add(BASIC_AUTH_CREDENTIALS_SOURCE + " '" + source + "' is not supported (USER_INFO or URL)");
                this.userInfo = Optional.empty();
            }
        }
        Optional<String> bearerSource = prefixed(config, BEARER_AUTH_CREDENTIALS_SOURCE);
        if (bearerSource.isPresent()) {
            if (!bearerSource.get().equalsIgnoreCase("STATIC_TOKEN")) {
                problems.add(BEARER_AUTH_CREDENTIALS_SOURCE + " '" + bearerSource.get()
                        + "' is not supported (STATIC_TOKEN)");
            }
            this.bearerToken = prefixed(config, BEARER_AUTH_TOKEN);
            if (bearerToken.isEmpty()) {
                problems.add(BEARER_AUTH_CREDENTIALS_SOURCE + "=STATIC_TOKEN needs " + BEARER_AUTH_TOKEN);
            }
        } else {
            this.bearerToken = Optional.empty();
        }
        this.truststoreLocation = string(config, SSL_TRUSTSTORE_LOCATION);
        this.truststorePassword = string(config, SSL_TRUSTSTORE_PASSWORD);
        this.truststoreType = string(config, SSL_TRUSTSTORE_TYPE).orElse("PKCS12");
        this.keystoreLocation = string(config, SSL_KEYSTORE_LOCATION);
        this.keystorePassword = string(config, SSL_KEYSTORE_PASSWORD);
        this.keystoreType = string(config, SSL_KEYSTORE_TYPE).orElse("PKCS12");
        this.keyPassword = string(config, SSL_KEY_PASSWORD);
        this.sslProtocol = string(config, SSL_PROTOCOL).orElse("TLS");
        this.connectTimeout = Duration.ofMillis(millis(config, HTTP_CONNECT_TIMEOUT_MS, 10_000, problems));
        this.readTimeout = Duration.ofMillis(millis(config, HTTP_READ_TIMEOUT_MS, 30_000, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid schema registry client configuration: " + String.join("; ", problems));
        }
    }

    /** Reads the client settings from serializer-style configuration; {@code url} overrides its URL key. */
    public static SchemaRegistryClientConfig of(String url, Map<String, ?> config) {
        return new SchemaRegistryClientConfig(config, url);
    }

    /** Reads the client settings, taking the URL from {@value #URL}. */
    public static SchemaRegistryClientConfig of(Map<String, ?> config) {
        return new SchemaRegistryClientConfig(
                config,
                string(config, URL)
                        .orElseThrow(() -> new ConfigException("Missing required configuration '" + URL + "'")));
    }

    private static Optional<String> userInfoOf(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = url.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
            return Optional.empty();
        }
        return Optional.of(url.substring(scheme + 3, at));
    }

    /** The URL without any {@code user:pass@} part. */
    static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = url.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
            return url;
        }
        return url.substring(0, scheme + 3) + url.substring(at + 1);
    }

    private static Optional<String> prefixed(Map<String, ?> config, String key) {
        return string(config, PREFIX + key).or(() -> string(config, key));
    }

    private static Optional<String> string(Map<String, ?> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof org.apache.kafka.common.config.types.Password p ? p.value() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static long millis(Map<String, ?> config, String key, long defaultValue, List<String> problems) {
        Optional<String> value = prefixed(config, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long millis = Long.parseLong(value.get());
            if (millis <= 0) {
                problems.add(key + " must be positive, got " + millis);
                return defaultValue;
            }
            return millis;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number of milliseconds, got '" + value.get() + "'");
            return defaultValue;
        }
    }

    /** Base URLs without credentials, in the order they are tried. */
    public List<String> urls() {
        return urls.stream().map(SchemaRegistryClientConfig::withoutUserInfo).toList();
    }

    public Optional<String> userInfo() {
        return userInfo;
    }

    public Optional<String> bearerToken() {
        return bearerToken;
    }

    public Optional<String> truststoreLocation() {
        return truststoreLocation;
    }

    public Optional<String> truststorePassword() {
        return truststorePassword;
    }

    public String truststoreType() {
        return truststoreType;
    }

    public Optional<String> keystoreLocation() {
        return keystoreLocation;
    }

    public Optional<String> keystorePassword() {
        return keystorePassword;
    }

    public String keystoreType() {
        return keystoreType;
    }

    public Optional<String> keyPassword() {
        return keyPassword;
    }

    public String sslProtocol() {
        return sslProtocol;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** True when a trust store or key store is configured, so a dedicated SSLContext is needed. */
    public boolean hasCustomTls() {
        return truststoreLocation.isPresent() || keystoreLocation.isPresent();
    }
}
