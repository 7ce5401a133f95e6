package org.wirewatch.extract.lexicon;

/**
 * An armed actor named in a text.
 *
 * @param start         offset of the first character (includes a country word: "Nigerian troops")
 * @param end           offset after the last character
 * @param surface       the text between start and end
 * @param canonicalName the actor's canonical name ("US-led coalition", "Syrian regime forces", "gunmen")
 * @param kind          STATE_MILITARY, POLICE, COALITION, PEACEKEEPERS, ISLAMIST, REBEL, MILITIA, PMC,
 *                      CRIMINAL, MILITANTS or UNKNOWN_GUNMEN
 * @param countryCode   ISO 3166-1 alpha-2 of the actor's state or main theatre, null when unknown
 */
public record ActorMention(int start, int end, String surface, String canonicalName, String kind, String countryCode) {

    /** True for unnamed parties ("gunmen", "militants", "government forces" without a country). */
    public boolean generic() {
        return "UNKNOWN_GUNMEN".equals(kind)
                || "MILITANTS".equals(kind)
                || (countryCode == null
                        && ("STATE_MILITARY".equals(kind)
                                || "POLICE".equals(kind)
                                || "REBEL".equals(kind)
                                || "MILITIA".equals(kind)
                                || "COALITION".equals(kind)));
    }
}
