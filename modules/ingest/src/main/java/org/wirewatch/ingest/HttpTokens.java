package org.wirewatch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The HTTP push token: the configured one, else one generated on first start and kept (owner-only) under the data
 * dir, so an out-of-the-box {@code run} is never open to anonymous writes and the token survives restarts.
 */
final class HttpTokens {

    private HttpTokens() {}

    static Path file(Path dataDir) {
        return dataDir.resolve("ingest").resolve("http-token");
    }

    static String resolve(Optional<String> configured, Path dataDir) throws IOException {
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = file(dataDir);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the data dir's own protection applies.
        }
        return token;
    }
}
