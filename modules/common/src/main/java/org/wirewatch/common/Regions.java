package org.wirewatch.common;

import java.util.Locale;
import java.util.regex.Pattern;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.RegionLevel;

/**
 * Region codes as every module reads them: an ISO 3166-1 alpha-2 code ({@code SY}) is a country, an ISO 3166-2 code
 * ({@code SY-DY}) a first-level region of the country before its dash. Tallies are keyed by these codes, the feed
 * filters by them and alerts name them, so the level of a code and the code of an incident are decided here only.
 */
public final class Regions {

    /** What a caller may ask for: a country code, or a country code, a dash and one to three letters or digits. */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");

    private Regions() {}

    /** ADMIN1 for an ISO 3166-2 code (a dash after the country), COUNTRY otherwise. */
    public static RegionLevel level(final String code) {
        return code.indexOf('-') > 0 ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY;
    }

    /** The country of a region code: the code itself for a country, the part before the dash for a region. */
    public static String countryOf(final String code) {
        final int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }

    /**
     * Whether {@code code} is a region code as callers write it (upper case, {@code SY} or {@code SY-DY}); what a
     * request's region parameter must match.
     */
    public static boolean isCode(final String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The region of a location at one level, upper case: {@code SY} for the country, {@code SY-DY} for the
     * first-level region; null when the location has no usable code at that level (no tally is kept there). A
     * country must be two letters and a region must carry a dash after its country, so a malformed code never
     * becomes a region of the wrong level; neither may contain the tally key's separator.
     */
    public static String of(final Location location, final RegionLevel level) {
        final String code = level == RegionLevel.COUNTRY ? location.getCountryCode() : location.getAdmin1Code();
        if (code == null || code.isBlank() || code.indexOf(TallyKey.SEPARATOR) >= 0) {
            return null;
        }
        final String trimmed = code.trim();
        if (level == RegionLevel.COUNTRY && !COUNTRY_CODE.matcher(trimmed).matches()) {
            return null;
        }
        if (level == RegionLevel.ADMIN1 && trimmed.indexOf('-') <= 0) {
            return null;
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }
}
