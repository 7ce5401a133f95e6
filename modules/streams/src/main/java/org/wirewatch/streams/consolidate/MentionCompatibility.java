package org.wirewatch.streams.consolidate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.SubEventType;

/**
 * The clustering rule of {@code docs/architecture.md#semantics-5}: whether two incident mentions describe the same real
 * event, and how strongly. Two mentions are compatible when they are in the same country, their first-level regions and
 * places do not contradict each other, their event dates lie within a day of each other (plus either date's stated
 * tolerance), their sub-event types are compatible and their actors do not contradict each other.
 *
 * <p>Missing values never contradict: one agency may name the village and another only the province. Two different
 * place names contradict when their coordinates lie more than {@value #NEAR_KM} km apart, or, without
 * coordinates, unless the events are otherwise the same (same day and sub-event type). Two mentions
 * of the same story are never the same event, since a report lists each event it describes once.
 */
public final class MentionCompatibility {

    /** Two located places closer than this may be one event's site named differently. */
    static final double NEAR_KM = 30;

    /**
     * Two mentions in one region on the same day with the same precise death toll of at least this many are one event
     * even when their agencies name different villages of it and label it differently ("nine shot dead in a village
     * attack" against "nine killed in a gunfight near" a neighbouring hamlet): two separate events of one region and
     * day with the very same toll of several deaths are rarer than one event told twice. Smaller tolls coincide too
     * often to prove anything.
     */
    static final int MATCHING_TOLL_MIN = 5;

    /** Event dates may differ by this many days plus the larger stated tolerance ("overnight", "last week"). */
    static final int DATE_SLACK_DAYS = 1;

    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    // Words that say nothing about which party acted: "forces" matches everybody, and an unnamed party is named as
    // the report words it ("jihadists" in one agency's copy is "militants" or "Islamist insurgents" in another's).
    private static final Set<String> ACTOR_STOP = Set.of(
            "the",
            "and",
            "for",
            "of",
            "forces",
            "force",
            "group",
            "led",
            "its",
            "unknown",
            "unidentified",
            "gunmen",
            "suspected",
            "alleged",
            "militants",
            "fighters",
            "men",
            "armed",
            "jihadists",
            "jihadist",
            "islamists",
            "islamist",
            "insurgents",
            "rebels",
            "rebel",
            "extremists",
            "terrorists",
            "presumed",
            "opposition");

    private MentionCompatibility() {}

    /**
     * The similarity of a candidate mention to a member of an incident, or empty when they cannot be the same event.
     * Higher is more similar: exact region, place, sub-event type, actor and date each add to the score.
     */
    public static OptionalDouble score(
            final IncidentMention a, final String storyA, final IncidentMention b, final String storyB) {
        if (storyA.equals(storyB)) {
            return OptionalDouble.empty();
        }
        final Location la = a.getLocation();
        final Location lb = b.getLocation();
        if (!Objects.equals(norm(la.getCountryCode()), norm(lb.getCountryCode()))) {
            return OptionalDouble.empty();
        }
        double s = 1.0;
        final String ra = norm(la.getAdmin1Code());
        final String rb = norm(lb.getAdmin1Code());
        if (!ra.isEmpty() && !rb.isEmpty()) {
            if (!ra.equals(rb)) {
                return OptionalDouble.empty();
            }
            s += 2;
        }
        final long days =
                Math.abs(a.getEventDate().toEpochDay() - b.getEventDate().toEpochDay());
        final boolean sameToll = days == 0 && !ra.isEmpty() && !rb.isEmpty() && sameToll(a, b);
        final String pa = norm(town(la));
        final String pb = norm(town(lb));
        if (!pa.isEmpty() && !pb.isEmpty()) {
            if (samePlace(pa, pb)) {
                s += 2;
            } else if (la.getLatitude() != null
                    && la.getLongitude() != null
                    && lb.getLatitude() != null
                    && lb.getLongitude() != null) {
                // Both located: two names for nearby spots (a square and its city) or two distinct places.
                if (distanceKm(la, lb) > NEAR_KM) {
                    return OptionalDouble.empty();
                }
                s += 1;
            } else if ((a.getSubEventType() != b.getSubEventType() || days > 0) && !sameToll) {
                // One report names the city, another a square or district in it; without coordinates only an otherwise
                // identical event (same day, same kind, or same day, region and toll) may bridge two names.
                return OptionalDouble.empty();
            }
        }
        final int tolerance = Math.max(Math.max(0, a.getDateToleranceDays()), Math.max(0, b.getDateToleranceDays()));
        if (days > DATE_SLACK_DAYS + tolerance) {
            return OptionalDouble.empty();
        }
        s += days == 0 ? 1 : 0;
        if (!compatibleTypes(a, b) && !sameToll) {
            return OptionalDouble.empty();
        }
        s += a.getSubEventType() == b.getSubEventType() ? 1 : 0;
        final int actor = actorAgreement(a.getActor(), b.getActor());
        if (actor < 0) {
            return OptionalDouble.empty();
        }
        s += actor;
        return OptionalDouble.of(s);
    }

    /** Both mentions give one precise death toll (not "dozens"), of at least {@value #MATCHING_TOLL_MIN}. */
    static boolean sameToll(final IncidentMention a, final IncidentMention b) {
        final CasualtyFigure ka = a.getKilled();
        final CasualtyFigure kb = b.getKilled();
        return ka != null
                && kb != null
                && !ka.getVague()
                && !kb.getVague()
                && ka.getBest() != null
                && ka.getBest() >= MATCHING_TOLL_MIN
                && ka.getBest().equals(kb.getBest());
    }

    /** True when the two mentions may be the same event as far as their dates go; used to narrow the candidates. */
    public static boolean datesMayMatch(
            final LocalDate a, final int toleranceA, final LocalDate b, final int toleranceB) {
        final long days = Math.abs(a.toEpochDay() - b.toEpochDay());
        return days <= DATE_SLACK_DAYS + Math.max(Math.max(0, toleranceA), Math.max(0, toleranceB));
    }

    // Agencies label the same blast "suicide bomb" or "roadside bomb", so the event type decides, not the subtype;
    // OTHER is what an extractor says when unsure, and never contradicts.
    static boolean compatibleTypes(final IncidentMention a, final IncidentMention b) {
        return a.getSubEventType() == b.getSubEventType()
                || a.getEventType() == b.getEventType()
                || a.getSubEventType() == SubEventType.OTHER
                || b.getSubEventType() == SubEventType.OTHER;
    }

    /** -1 when both actors are named and share no meaningful word, 0 when either is unknown, 1 when they agree. */
    static int actorAgreement(final Actor a, final Actor b) {
        if (a == null || b == null) {
            return 0;
        }
        final Set<String> wa = words(a.getName());
        final Set<String> wb = words(b.getName());
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        if (wa.stream().anyMatch(wb::contains)) {
            return 1;
        }
        // An attributed actor ("suspected", "according to the army") is an opinion, not a contradiction.
        return a.getQualifier() != null || b.getQualifier() != null ? 0 : -1;
    }

    static double distanceKm(final Location a, final Location b) {
        final double la1 = Math.toRadians(a.getLatitude());
        final double la2 = Math.toRadians(b.getLatitude());
        final double dLat = la2 - la1;
        final double dLon = Math.toRadians(b.getLongitude() - a.getLongitude());
        final double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(la1) * Math.cos(la2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static boolean samePlace(final String a, final String b) {
        return a.equals(b) || (Math.min(a.length(), b.length()) > 3 && (a.contains(b) || b.contains(a)));
    }

    static Set<String> words(final String s) {
        if (s == null) {
            return Set.of();
        }
        return Arrays.stream(NON_ALNUM.split(fold(s)))
                .filter(w -> w.length() >= 2 && !ACTOR_STOP.contains(w))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The place below the region, or null: a region-precision location names its region as the place. */
    static String town(final Location l) {
        return l.getGeoPrecision() == GeoPrecision.ADMIN1 || l.getGeoPrecision() == GeoPrecision.COUNTRY
                ? null
                : l.getPlace();
    }

    static String norm(final String s) {
        return s == null ? "" : NON_ALNUM.matcher(fold(s)).replaceAll("");
    }

    /** Lower case without accents: "Tal Afar" and "Tal Āfar" compare equal. */
    private static String fold(final String s) {
        // Most names are plain ASCII: no decomposition needed (this runs for every pair of mentions compared).
        if (s.chars().allMatch(c -> c < 0x80)) {
            return s.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** The best score of a candidate against every member of an incident; empty when any member contradicts it. */
    public static OptionalDouble scoreAgainstAll(
            final IncidentMention candidate, final String story, final List<Member> members) {
        double total = 0;
        for (final Member m : members) {
            final OptionalDouble s = score(candidate, story, m.mention(), m.story());
            if (s.isEmpty()) {
                return OptionalDouble.empty();
            }
            total += s.getAsDouble();
        }
        return members.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(total / members.size());
    }

    /** One member mention of an incident with the story it came from. */
    public record Member(IncidentMention mention, String story) {}
}
