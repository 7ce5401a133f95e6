package org.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirewatch.alerts.AlertsConfig;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.feed.FeedConfig;
import org.wirewatch.ingest.IngestConfig;
import org.wirewatch.sink.SinkConfig;
import org.wirewatch.streams.StreamsStageConfig;

/** ops/wirewatch.properties documents every configuration key the program reads, and nothing it does not. */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("../../ops/wirewatch.properties");
    private static final Pattern KEY_LINE = Pattern.compile("^#?(wirewatch\\.[a-z0-9.]+)=", Pattern.MULTILINE);

    @Test
    void shouldDocumentEveryKeyWhenAConfigClassDeclaresOne() throws Exception {
        List<String> documented = documentedKeys();
        List<String> declared = new ArrayList<>();
        for (Class<?> type : List.of(
                CoreConfig.class,
                Pipeline.class,
                FeedConfig.class,
                IngestConfig.class,
                StreamsStageConfig.class,
                SinkConfig.class,
                AlertsConfig.class)) {
            declared.addAll(keys(type));
        }
        assertThat(declared).isNotEmpty();
        assertThat(documented).containsAll(declared);
    }

    @Test
    void shouldLoadAsAConfigFileWhenKeysAreUncommented() throws Exception {
        // The example is a working file: uncommenting a default line must give a valid configuration.
        Properties uncommented = new Properties();
        for (String line : Files.readAllLines(EXAMPLE)) {
            Matcher m = KEY_LINE.matcher(line);
            if (m.find() && line.length() > m.end()) {
                uncommented.setProperty(m.group(1), line.substring(m.end()));
            }
        }
        java.util.Map<String, String> values = new java.util.HashMap<>();
        uncommented.stringPropertyNames().forEach(k -> values.put(k, uncommented.getProperty(k)));
        CoreConfig core = CoreConfig.from(Settings.of(values));
        assertThat(core.embeddedKafkaPort()).isEqualTo(9092);
        assertThat(core.httpPort()).isEqualTo(8080);
    }

    private static List<String> documentedKeys() throws Exception {
        String text = Files.readString(EXAMPLE);
        List<String> keys = new ArrayList<>();
        Matcher m = KEY_LINE.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<String> keys(Class<?> type) throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && f.getType() == String.class) {
                String value = (String) f.get(null);
                if (value.startsWith("wirewatch.") && !value.endsWith(".")) {
                    keys.add(value);
                }
            }
        }
        return keys;
    }
}
