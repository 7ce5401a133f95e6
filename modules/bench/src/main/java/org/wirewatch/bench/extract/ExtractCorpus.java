package org.wirewatch.bench.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.WireReport;

/**
 * The development corpus reports (ninjs), read from the classpath (extract's test jar, {@code /corpus/dev}, the one
 * copy of the corpus) so benchmarks need no checkout paths.
 */
public final class ExtractCorpus {

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

    private ExtractCorpus() {}

    /** The 25 reports, parsed, in stem order. */
    public static List<WireReport> load() {
        ReportParser parser = new ReportParser();
        List<WireReport> out = new ArrayList<>();
        for (String stem : STEMS) {
            String name = stem + ".json";
            try (InputStream in = ExtractCorpus.class.getResourceAsStream("/corpus/dev/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing corpus resource " + name);
                }
                ParseResult r = parser.parse(in.readAllBytes(), name);
                if (!r.accepted()) {
                    throw new IllegalStateException(name + ": " + ((ParseResult.Rejection) r).reason());
                }
                out.addAll(r.reports());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
