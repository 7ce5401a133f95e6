package org.wirewatch.extract.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hand-kept lexicon tables: UTF-8, tab-separated, '#' starts a comment line, and a final
 * column starting with "#" gives the reason for the entry (required by the house style, ignored here).
 */
public final class TsvResource {

    private TsvResource() {}

    /** The rows of {@code resource}, resolved relative to {@code anchor}'s package. */
    public static List<String[]> rows(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource + " next to " + anchor.getName());
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int hash = line.indexOf("\t#");
                String body = hash >= 0 ? line.substring(0, hash) : line;
                rows.add(body.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
