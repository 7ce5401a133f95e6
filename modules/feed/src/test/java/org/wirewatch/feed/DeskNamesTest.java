package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code desk-names.tsv} is derived from the extractor's gazetteer, never edited by hand: for every first-level
 * region whose ISO 3166-2 name is a scholarly romanisation (an ‘ayn or hamza, a macron, a dot or cedilla under a
 * consonant: {@code Şa‘dah}, {@code Al Ḩasakah}), the first press spelling of {@code admin1-aliases.tsv}, else the
 * first plain-ASCII GeoNames alternate without its type word ("Saada Governorate" gives "Saada"), when it is more
 * than the ISO name without its marks. Rewrite it with {@code -Dwirewatch.golden.update=true}.
 */
class DeskNamesTest {

    private static final String GEO = "/org/wirewatch/extract/geo/";
    private static final Pattern TYPE_WORD = Pattern.compile(
            "(?i)"
                    + " (Governorate|Province|State|Region|Oblast|District|Department|County|Prefecture|Municipality|Division)$");
    /** Where the marks are the country's own spelling, which desks keep (Cēsis, Ta’ Xbiex, Lạng Sơn). */
    private static final java.util.Set<String> OWN_ORTHOGRAPHY = java.util.Set.of("LV", "LT", "MT", "VN");

    private static final Path FILE = Path.of("src/main/resources/org/wirewatch/feed/desk-names.tsv");

    static String derive() throws IOException {
        final Map<String, String> press = new LinkedHashMap<>();
        for (final String line : lines(DeskNamesTest.class.getResourceAsStream(GEO + "admin1-aliases.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                final String[] f = line.split("\t");
                press.putIfAbsent(
                        f[0], TYPE_WORD.matcher(f[1].split("\\|")[0].trim()).replaceAll(""));
            }
        }
        final Map<String, String[]> rows = new TreeMap<>();
        try (InputStream gz = new GZIPInputStream(DeskNamesTest.class.getResourceAsStream(GEO + "gazetteer.tsv.gz"))) {
            for (final String line : lines(gz)) {
                final String[] f = line.split("\t", -1);
                if (f[0].equals("A") && romanised(f[2]) && !OWN_ORTHOGRAPHY.contains(f[1].substring(0, 2))) {
                    final String desk =
                            press.containsKey(f[1]) ? press.get(f[1]) : alternate(f.length > 5 ? f[5] : "", f[2]);
                    if (desk != null && !fold(desk).equals(fold(f[2]))) {
                        rows.put(f[1], new String[] {f[2], desk});
                    }
                }
            }
        }
        final StringBuilder out = new StringBuilder();
        out.append("# How a desk writes a first-level region whose ISO 3166-2 name is not plain ASCII.\n")
                .append("# Derived from modules/extract's gazetteer by DeskNamesTest; do not edit by hand.\n")
                .append("# Columns: ISO 3166-2 code <TAB> ISO name <TAB> desk name\n");
        rows.forEach((code, f) -> out.append(code)
                .append('\t')
                .append(f[0])
                .append('\t')
                .append(f[1])
                .append('\n'));
        return out.toString();
    }

    private static String alternate(final String alternates, final String iso) {
        for (final String a : alternates.split("\\|")) {
            final String name = TYPE_WORD.matcher(a.trim()).replaceAll("");
            if (!name.isEmpty() && ascii(name) && !name.equalsIgnoreCase(iso)) {
                return name;
            }
        }
        return null;
    }

    private static final Pattern ROMANISATION =
            Pattern.compile("[\u2018\u2019\u02BF\u02BE]|[^\\p{M}][\u0304\u0323\u032E]|[^cC\\p{M}]\u0327");

    /** A name written with the marks of a scholarly romanisation, which a desk drops or respells. */
    static boolean romanised(final String name) {
        return ROMANISATION
                .matcher(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD))
                .find();
    }

    /** The letters alone, lower case: "Şa‘dah" and "Sa'dah" fold alike, "Saada" does not. */
    static String fold(final String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^\\p{L}]", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replace("ae", "a")
                .replace("oe", "o")
                .replace("ue", "u");
    }

    private static boolean ascii(final String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static List<String> lines(final InputStream in) throws IOException {
        assertThat(in).as("gazetteer resource on the test classpath").isNotNull();
        final List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void shouldMatchTheGazetteerWhenItsRegionsChange() throws IOException {
        final String derived = derive();
        if (Boolean.getBoolean("wirewatch.golden.update")) {
            Files.writeString(FILE, derived);
        }
        assertThat(Files.readString(FILE))
                .as("desk-names.tsv is stale: rerun with -Dwirewatch.golden.update=true")
                .isEqualTo(derived);
    }

    @Test
    void shouldWriteSaadaBesideTheIsoNameWhenAskedForYemensSaadaGovernorate() {
        assertThat(DeskNames.of("YE-SD")).contains("Saada");
        assertThat(DeskNames.of("SY-DY")).isEmpty();
    }
}
