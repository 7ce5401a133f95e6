package org.wirewatch.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a desk writes a first-level region whose ISO 3166-2 name it would not type: {@code Saada} for
 * {@code Şa‘dah} (YE-SD). Read from {@value #RESOURCE}, which {@code DeskNamesTest} derives from the extractor's
 * gazetteer (the press spellings it reads, else GeoNames' plain-ASCII alternates) and keeps in step with it.
 */
final class DeskNames {

    static final String RESOURCE = "/org/wirewatch/feed/desk-names.tsv";
    private static final Map<String, String> NAMES = load();

    private DeskNames() {}

    /** The desk's name of a region, when it differs from the ISO name. */
    static Optional<String> of(final String regionCode) {
        return Optional.ofNullable(NAMES.get(regionCode));
    }

    private static Map<String, String> load() {
        final Map<String, String> out = new HashMap<>();
        try (InputStream in = DeskNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + n + ": expected code, ISO name and desk name");
                }
                out.put(f[0], f[2]);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
