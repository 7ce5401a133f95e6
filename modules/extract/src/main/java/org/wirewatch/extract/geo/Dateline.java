package org.wirewatch.extract.geo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens a wire story: "BEIRUT:", "KABUL, Afghanistan (AP) —", "EL FASHER, Sudan:",
 * "Quetta, Pakistan, Aug 8 (Reuters) -", "MOGADISHU, Jan. 5 (Xinhua) --", "PESHAWAR, Pakistan -",
 * "KYIV/MOSCOW (Reuters) -".
 *
 * @param place       the place as written ("EL FASHER", "Quetta")
 * @param countryCode ISO 3166-1 alpha-2 of the written country, else of the place in the gazetteer; null if
 *                    neither resolves
 * @param admin1Code  ISO 3166-2 region of the place when the gazetteer knows it
 * @param agency      the agency in parentheses ("AP", "Reuters"), null when absent
 * @param date        the date as written ("Aug 8", "Jan. 5"), null when absent
 * @param textStart   offset in the body where the story text begins (after the dash or colon and spaces)
 */
public record Dateline(String place, String countryCode, String admin1Code, String agency, String date, int textStart) {

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private static final String WORD = "[\\p{Lu}][\\p{L}'’.\\-]*";
    /** Place: up to four words; either all capitals or mixed case. */
    private static final Pattern DATELINE = Pattern.compile("^[\\s\\u00a0]*(?<place>" + WORD + "(?:[ \\u00a0]" + WORD
            + "){0,3})"
            // "ADEN/WASHINGTON (Reuters) -": a story filed from two cities is placed by the first
            + "(?:/" + WORD + "(?:[ \\u00a0]" + WORD + "){0,3})?"
            + "(?:,[ \\u00a0]+(?<country>(?!" + MONTH + "[ \\u00a0]+\\d)" + WORD + "(?:[ \\u00a0]" + WORD + "){0,3}))?"
            + "(?:,?[ \\u00a0]+(?<date>" + MONTH + "[ \\u00a0]+\\d{1,2}(?:,[ \\u00a0]+\\d{4})?))?"
            + "(?:[ \\u00a0]*\\((?<agency>[\\p{L}][\\p{L}0-9 .&/\\-]{0,30})\\))?"
            + "[ \\u00a0]*(?<sep>:|--|—|–|-|\\u2015)[ \\u00a0]*");

    /** Parses the dateline at the start of {@code body}, when there is one. */
    public static Optional<Dateline> parse(String body) {
        return parse(body, Gazetteer.load());
    }

    /** As {@link #parse(String)} with a given gazetteer. */
    public static Optional<Dateline> parse(String body, Gazetteer gazetteer) {
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DATELINE.matcher(body.length() > 160 ? body.substring(0, 160) : body);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String place = m.group("place").strip();
        String country = m.group("country");
        String agency = m.group("agency");
        String date = m.group("date");
        String sep = m.group("sep");
        boolean caps = place.equals(place.toUpperCase()) && place.chars().anyMatch(Character::isLetter);
        // A mixed-case opening ("Local activists said - ...") is a dateline only with a country, a date or an
        // agency; an all-capitals place needs nothing more. A lone hyphen must be spaced, as in "KYIV -".
        if (!caps
                && country == null
                && agency == null
                && date == null
                && !(sep.equals(":") && city(place, gazetteer))) {
            return Optional.empty();
        }
        if (sep.equals("-") && !Character.isWhitespace(charBefore(body, m.start("sep")))) {
            return Optional.empty();
        }
        String countryCode = null;
        if (country != null) {
            Optional<GeoMention> c = gazetteer.lookup(country.strip(), null);
            if (c.isPresent() && c.get().kind() == GeoKind.COUNTRY) {
                countryCode = c.get().countryCode();
            } else if (c.isPresent() && c.get().kind() == GeoKind.ADMIN1) {
                // "QUETTA, Balochistan -" or a US state: the region names the country too.
                countryCode = c.get().countryCode();
            } else {
                return Optional.empty();
            }
        }
        String admin1 = null;
        Optional<GeoMention> p = gazetteer.lookup(place, countryCode);
        if (p.isPresent() && (countryCode == null || countryCode.equals(p.get().countryCode()))) {
            if (p.get().kind() == GeoKind.PLACE || p.get().kind() == GeoKind.ADMIN1) {
                admin1 = p.get().admin1Code();
            }
            if (countryCode == null) {
                countryCode = p.get().countryCode();
            }
        }
        return Optional.of(
                new Dateline(place, countryCode, admin1, agency == null ? null : agency.strip(), date, m.end()));
    }

    /**
     * "New Delhi: A fresh burst of violence ...": a mixed-case opening before a colon is a dateline when it is a city
     * (a gazetteer place of at least {@link Gazetteer#BIG_PLACE} people), not a word ("Police: ...").
     */
    private static boolean city(String place, Gazetteer gazetteer) {
        Optional<GeoMention> p = gazetteer.lookup(place, null);
        return p.isPresent() && p.get().kind() == GeoKind.PLACE && p.get().population() >= Gazetteer.BIG_PLACE;
    }

    private static char charBefore(String s, int i) {
        return i == 0 ? ' ' : s.charAt(i - 1);
    }
}
