package org.wirewatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which rules made an extraction: {@code <build version>+<digest>}, e.g. {@code 0.1.0-SNAPSHOT+3f2a9c0b1d4e}.
 *
 * <p>The digest is the first 12 hex digits of a SHA-256 over every file under {@code org/wirewatch/extract/}
 * where the extractor was loaded from (names sorted, each name and its bytes): the rule tables, lexicons and
 * gazetteer resources, and the compiled rule code. A changed lexicon entry, gazetteer row or rule therefore
 * changes the version even when the build version stays a SNAPSHOT. The bytes are read through the class loader
 * of the anchor class, so what is digested is what the extractor actually loads.
 */
public final class ExtractorVersion {

    static final String PREFIX = "org/wirewatch/extract/";
    private static final String BUILD_FILE = PREFIX + "extractor-build.properties";
    private static final int DIGEST_HEX_DIGITS = 12;

    private ExtractorVersion() {}

    /** The version of the extractor whose classes and resources {@code anchor}'s class loader serves. */
    public static String of(Class<?> anchor) {
        ClassLoader loader = anchor.getClassLoader();
        List<String> names = resourceNames(anchor);
        if (names.isEmpty()) {
            throw new IllegalStateException("no extractor resources under " + PREFIX + " next to " + anchor.getName());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : names) {
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("extractor resource " + name + " listed but not readable");
                    }
                    sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(in.readAllBytes());
                }
            }
            String digest = HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX_DIGITS);
            return buildVersion(loader) + "+" + digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extractor resources", e);
        }
    }

    private static String buildVersion(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(BUILD_FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BUILD_FILE + " (written by the build)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            if (v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException(BUILD_FILE + " holds no build version: '" + v + "'");
            }
            return v;
        }
    }

    /** Names of every file under {@link #PREFIX} in the jar or directory {@code anchor} was loaded from, sorted. */
    static List<String> resourceNames(Class<?> anchor) {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        try {
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                Path dir = root.resolve(PREFIX);
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .forEach(
                                    f -> names.add(root.relativize(f).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(PREFIX)) {
                            names.add(e.getName());
                        }
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the extractor at " + location, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the extractor resources at " + location, e);
        }
        Collections.sort(names);
        return names;
    }
}
