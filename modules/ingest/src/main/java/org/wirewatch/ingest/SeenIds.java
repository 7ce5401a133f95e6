package org.wirewatch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The entry ids of one feed that are already on a topic, kept in a file so a restart does not re-publish a
 * feed's backlog. Append-only with one id per line; compacted to the newest {@code capacity} ids when it grows to
 * twice that, since feeds only ever show their latest entries. Not thread-safe: one poller owns one instance.
 */
final class SeenIds {

    private final Path file;
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private int lines;

    private SeenIds(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    static SeenIds load(Path file, int capacity) throws IOException {
        SeenIds seen = new SeenIds(file, capacity);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    seen.ids.remove(line);
                    seen.ids.add(line);
                    seen.lines++;
                }
            }
        } else {
            Files.createDirectories(file.getParent());
        }
        seen.trim();
        return seen;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    void add(String id) throws IOException {
        // Ids are one line each; a line break inside a feed's id must not split it into two.
        String clean = id.replace('\n', ' ').replace('\r', ' ');
        if (!ids.add(clean)) {
            return;
        }
        Files.writeString(
                file,
                clean + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        lines++;
        if (lines > 2 * capacity) {
            trim();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, ids, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            lines = ids.size();
        }
    }

    private void trim() {
        List<String> drop = new ArrayList<>();
        int excess = ids.size() - capacity;
        for (String id : ids) {
            if (drop.size() >= excess) {
                break;
            }
            drop.add(id);
        }
        drop.forEach(ids::remove);
    }
}
