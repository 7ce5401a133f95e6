package org.wirewatch.extract.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule table kept as data: a UTF-8 resource with one entry per line, columns separated by tabs, and the reason for
 * the entry after a {@code #} at the end of the line. Lines starting with {@code #} are comments. Keys are
 * lower-cased; the first column is the key, the others are values.
 */
public final class Lexicon {

    /** One entry: its key, value columns and the reason given for it. */
    public record Entry(String key, List<String> values, String reason, int line) {
        public String value(int i) {
            return i < values.size() ? values.get(i) : "";
        }
    }

    private final String name;
    private final List<Entry> entries;
    private final Map<String, Entry> byKey;

    private Lexicon(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.putIfAbsent(e.key(), e);
        }
        // a HashMap, not Map.copyOf: lookups are per token and mostly miss, which the hash alone settles. Not
        // wrapped unmodifiable: the field is private and only read, and the wrapper is one more call per lookup
        this.byKey = new java.util.HashMap<>(map);
    }

    /** Loads {@code /org/wirewatch/extract/rules/<file>}. */
    public static Lexicon rules(String file) {
        return load("/org/wirewatch/extract/rules/" + file);
    }

    public static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Entry> entries = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int hash = line.indexOf("\t#");
                String reason = hash < 0 ? "" : line.substring(hash + 2).strip();
                String body = hash < 0 ? line : line.substring(0, hash);
                String[] cols = body.split("\t");
                List<String> values = new ArrayList<>();
                for (int i = 1; i < cols.length; i++) {
                    if (!cols[i].isBlank()) {
                        values.add(cols[i].strip());
                    }
                }
                entries.add(new Entry(cols[0].strip().toLowerCase(java.util.Locale.ROOT), values, reason, n));
            }
            return new Lexicon(resource, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(byKey.keySet());
    }

    public Entry get(String key) {
        return byKey.get(key);
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** The first value of the entry for key, or null. */
    public String value(String key) {
        Entry e = byKey.get(key);
        return e == null ? null : e.value(0);
    }
}
