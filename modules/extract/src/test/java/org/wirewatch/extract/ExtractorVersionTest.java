package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorVersionTest {

    @Test
    void shouldNameTheBuildAndADigestOfTheRules() {
        String version = ExtractorVersion.of(Extractor.class);

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+[0-9a-f]{12}");
        assertThat(ExtractorVersion.of(Extractor.class)).isEqualTo(version);
    }

    @Test
    void shouldListTheLexiconsAndTheGazetteer() {
        assertThat(ExtractorVersion.resourceNames(Extractor.class))
                .contains(
                        "org/wirewatch/extract/lexicon/actors.tsv",
                        "org/wirewatch/extract/geo/gazetteer.tsv.gz",
                        "org/wirewatch/extract/rules/triggers.tsv")
                .isSorted();
    }

    @Test
    void shouldChangeWhenOneLexiconEntryChanges(@TempDir Path dir) throws Exception {
        // given: a class loader that serves an edited actors.tsv before the real one
        Path edited = dir.resolve("org/wirewatch/extract/lexicon/actors.tsv");
        Files.createDirectories(edited.getParent());
        try (InputStream in = Extractor.class.getResourceAsStream("/org/wirewatch/extract/lexicon/actors.tsv")) {
            Files.write(edited, in.readAllBytes());
        }
        Files.writeString(edited, "# one more line\n", java.nio.file.StandardOpenOption.APPEND);
        URL classes = Extractor.class.getProtectionDomain().getCodeSource().getLocation();

        try (URLClassLoader loader = new ChildFirst(new URL[] {dir.toUri().toURL(), classes})) {
            // when
            String edit = ExtractorVersion.of(loader.loadClass(Extractor.class.getName()));

            // then
            assertThat(edit).isNotEqualTo(ExtractorVersion.of(Extractor.class));
            assertThat(edit.substring(0, edit.indexOf('+')))
                    .isEqualTo(ExtractorVersion.of(Extractor.class).substring(0, edit.indexOf('+')));
        }
    }

    @Test
    void shouldStampEveryExtractionAndClaim() {
        Extractor extractor = Extractor.create();
        var report = org.wirewatch.schema.WireReport.newBuilder()
                .setUri("urn:test:1")
                .setVersion(1)
                .setHeadline("Air strike kills 12 in Idlib")
                .setBody("An air strike killed 12 people in Idlib on Saturday, the Syrian Observatory for Human Rights"
                        + " said.")
                .setPubStatus(org.wirewatch.schema.PubStatus.USABLE)
                .setFormat(org.wirewatch.schema.ReportFormat.NINJS)
                .setFirstCreated(java.time.Instant.parse("2018-11-17T16:00:00Z"))
                .build();

        var extraction = extractor.extract(report);

        assertThat(extraction.getExtractorVersion()).isEqualTo(extractor.version());
        assertThat(extraction.getClaims())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.getExtractorVersion()).isEqualTo(extractor.version()));
    }

    /** Loads the extractor's own classes itself, so their resources come from the first URL that has them. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls) {
            super(urls, ExtractorVersionTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.wirewatch.extract.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            URL url = findResource(name);
            try {
                return url != null ? url.openStream() : super.getResourceAsStream(name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
