package org.wirewatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/** The development corpus in test resources: ninjs reports with their analyst gold. */
final class Corpus {

    static final String[] STEMS = {
        "000_sy_abuhusn_afp", "001_pk_quetta_blast_thenews", "002_pk_quetta_blast_ndtv",
        "003_af_laghman_bombing_dpa_v1", "004_af_laghman_bombing_dpa_v2", "005_ng_rann_airstrike",
        "006_sy_zardana_airstrikes_reuters", "007_ua_kramatorsk_station_reuters", "008_af_kohistan_farah_dpa",
        "009_so_hilowle_gaab_anadolu", "010_ml_gourma_rharous_afp", "011_ye_aljawf_airstrikes",
        "012_ye_mawza_airstrike", "013_ng_njaba_attack_xinhua", "014_iq_jurf_al_sakhar_retaken",
        "015_iq_balad_rockets_reuters", "016_sd_el_fasher_shelling_2024", "017_sd_el_fasher_shelter_2025",
        "018_so_afgoi_raid_reuters", "019_ml_bamba_camp_attack_afp", "020_pk_datta_khel_drone_nyt",
        "021_ua_donetsk_shelling_efe", "022_ye_prisoner_swap_reuters", "023_sd_juba_peace_deal_reuters",
        "024_sy_shadadi_captured_reuters"
    };

    static final ObjectMapper JSON = new ObjectMapper();

    /** One corpus entry. */
    record Entry(String stem, WireReport report, JsonNode gold) {}

    private Corpus() {}

    static List<Entry> load() {
        return load("dev", List.of(STEMS));
    }

    /** The extra corpus: every report with a gold file in /corpus/extra. */
    static List<Entry> loadExtra() {
        return loadFolder("extra");
    }

    /** Every report with a gold file in /corpus/FOLDER. */
    static List<Entry> loadFolder(String folder) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                Corpus.class.getResource("/corpus/" + folder).toURI()))) {
            List<String> stems = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".gold.json"))
                    .map(f -> f.substring(0, f.length() - ".gold.json".length()))
                    .sorted()
                    .toList();
            return load(folder, stems);
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list /corpus/" + folder, e);
        }
    }

    private static List<Entry> load(String folder, List<String> stems) {
        List<Entry> out = new ArrayList<>();
        for (String stem : stems) {
            out.add(new Entry(stem, report(read(folder, stem + ".json")), read(folder, stem + ".gold.json")));
        }
        return out;
    }

    static JsonNode read(String name) {
        return read("dev", name);
    }

    static JsonNode read(String folder, String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + folder + "/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps a ninjs object to a WireReport the way ingest does. */
    static WireReport report(JsonNode n) {
        return WireReport.newBuilder()
                .setUri(n.path("uri").asText())
                .setVersion(Integer.parseInt(n.path("version").asText("1")))
                .setPubStatus(
                        n.path("pubstatus").asText("usable").equalsIgnoreCase("canceled")
                                ? PubStatus.CANCELED
                                : PubStatus.USABLE)
                .setFirstCreated(instant(n, "firstcreated"))
                .setVersionCreated(instant(n, "versioncreated"))
                .setLanguage(n.path("language").asText(null))
                .setAgency(n.path("copyrightholder").asText(null))
                .setLocated(n.path("located").asText(null))
                .setHeadline(n.path("headline").asText(""))
                .setBody(n.path("body_text").asText(""))
                .setFormat(ReportFormat.NINJS)
                .build();
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }

    private static Extractor shared;

    /** One extractor for the whole test run: it is immutable, and loading its lexicons is the slow part. */
    static synchronized Extractor extractor() {
        if (shared == null) {
            shared = Extractor.create();
        }
        return shared;
    }

    /** Extracts a report made of a headline and a body, published at {@code firstCreated}. */
    static org.wirewatch.schema.ReportExtraction extract(String firstCreated, String headline, String body) {
        return extractor().extract(report("urn:test:" + headline.hashCode(), firstCreated, headline, body));
    }

    /** A report built from plain text for unit tests. */
    static WireReport report(String uri, String firstCreated, String headline, String body) {
        return WireReport.newBuilder()
                .setUri(uri)
                .setVersion(1)
                .setPubStatus(PubStatus.USABLE)
                .setFirstCreated(Instant.parse(firstCreated))
                .setVersionCreated(Instant.parse(firstCreated))
                .setLanguage("en")
                .setHeadline(headline)
                .setBody(body)
                .setFormat(ReportFormat.TEXT)
                .build();
    }
}
