package org.wirewatch.streams.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * The extractor with some rule lines left out ({@code src/test/resources/reprocess/weakened-rules.tsv}): its own
 * copy of the extract classes, in a class loader that serves the edited resources first, exactly as a different
 * build of the rules would be. Records cross over as the shared schema classes.
 */
final class WeakenedRules {

    private static final String LIST = "/reprocess/weakened-rules.tsv";
    private static final String PREFIX = "org/wirewatch/extract/";

    private WeakenedRules() {}

    /** The weakened extractor and its version. */
    record Weakened(Function<WireReport, ReportExtraction> extract, String version) {}

    static Weakened extractor(final Path dir) {
        try {
            final Map<String, List<String>> drops = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(WeakenedRules.class.getResourceAsStream(LIST), StandardCharsets.UTF_8))) {
                r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                    final String[] cols = l.split("\t");
                    drops.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(cols[1]);
                });
            }
            for (final Map.Entry<String, List<String>> e : drops.entrySet()) {
                final List<String> lines = new ArrayList<>();
                int dropped = 0;
                try (InputStream in = Extractor.class.getResourceAsStream("/" + PREFIX + e.getKey())) {
                    for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                        if (e.getValue().stream().anyMatch(line::startsWith)) {
                            dropped++;
                        } else {
                            lines.add(line);
                        }
                    }
                }
                if (dropped == 0) {
                    throw new IllegalStateException(LIST + " drops nothing from " + e.getKey() + ": " + e.getValue());
                }
                final Path out = dir.resolve(PREFIX + e.getKey());
                Files.createDirectories(out.getParent());
                Files.writeString(out, String.join("\n", lines), StandardCharsets.UTF_8);
            }
            final URL classes =
                    Extractor.class.getProtectionDomain().getCodeSource().getLocation();
            final ClassLoader loader = new ChildFirst(new URL[] {dir.toUri().toURL(), classes});
            final Class<?> type = loader.loadClass(Extractor.class.getName());
            final Object extractor = type.getMethod("create").invoke(null);
            final Method extract = type.getMethod("extract", WireReport.class);
            final String version = (String) type.getMethod("version").invoke(extractor);
            return new Weakened(
                    report -> {
                        try {
                            return (ReportExtraction) extract.invoke(extractor, report);
                        } catch (final IllegalAccessException ex) {
                            throw new IllegalStateException(ex);
                        } catch (final InvocationTargetException ex) {
                            throw ex.getCause() instanceof RuntimeException rt
                                    ? rt
                                    : new IllegalStateException(ex.getCause());
                        }
                    },
                    version);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the weakened extractor", e);
        }
    }

    /** Loads the extractor's classes itself, so their resources come from the first URL that has them. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(final URL[] urls) {
            super(urls, WeakenedRules.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.wirewatch.extract.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                final Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }

        @Override
        public InputStream getResourceAsStream(final String name) {
            final URL url = findResource(name);
            try {
                return url != null ? url.openStream() : super.getResourceAsStream(name);
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
