package org.wirewatch.extract.geo;

/**
 * One place reference found in a text.
 *
 * @param start       offset of the first character in the text
 * @param end         offset after the last character (includes a type word such as "province")
 * @param surface     the text between start and end
 * @param kind        what is named
 * @param countryCode ISO 3166-1 alpha-2, null when unknown (a cue place without a known region)
 * @param admin1Code  ISO 3166-2 first-level code, null when unknown or for countries and demonyms
 * @param name        gazetteer name (English where known); for cue places outside the gazetteer, the surface
 * @param latitude    WGS84 latitude of a gazetteer place, else null
 * @param longitude   WGS84 longitude of a gazetteer place, else null
 * @param population  GeoNames population of a place (0 when unknown); for a region or a second-level division, the
 *                    sum over its places
 * @param division    a second-level division (GeoNames admin2: "Chikun local government area", "Nduga regency")
 *                    named where a town would be; its kind is {@link GeoKind#PLACE}, it has no point, and its
 *                    region is the first-level region it lies in
 */
public record GeoMention(
        int start,
        int end,
        String surface,
        GeoKind kind,
        String countryCode,
        String admin1Code,
        String name,
        Double latitude,
        Double longitude,
        long population,
        boolean division) {

    /** A mention that is not a second-level division. */
    public GeoMention(
            int start,
            int end,
            String surface,
            GeoKind kind,
            String countryCode,
            String admin1Code,
            String name,
            Double latitude,
            Double longitude,
            long population) {
        this(start, end, surface, kind, countryCode, admin1Code, name, latitude, longitude, population, false);
    }

    /** The same referent named at another span of the text ("al-Jawf" again, a division's name used bare). */
    public GeoMention at(int start, int end, String surface) {
        return new GeoMention(
                start, end, surface, kind, countryCode, admin1Code, name, latitude, longitude, population, division);
    }

    /** True when the mention came from a cue pattern and the place itself is in no gazetteer. */
    public boolean outsideGazetteer() {
        return kind == GeoKind.PLACE && latitude == null && !division;
    }
}
