package org.wirewatch.streams.consolidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;

/**
 * Builds one consolidated {@link Incident} from the mentions that describe it
 * ({@code docs/architecture.md#semantics-5}).
 *
 * <p>Each member is a single-mention {@link ReportExtraction}: the report's metadata, one CURRENT mention and the
 * claims linked to it. The result is a pure function of the set of members (their order does not matter), so an
 * incident recomputed after a crash or in another instance is the same record.
 *
 * <ul>
 *   <li>{@code killed.low} is the lowest credible figure of any member, {@code killed.high} the highest;</li>
 *   <li>{@code killed.best} is one member's own best figure, never a sum: the member whose figure is attributed to
 *       the most authoritative source, then the most specific (not vague), then the latest report;</li>
 *   <li>{@code sourceCount} counts distinct agencies;</li>
 *   <li>{@code grade}: CONTESTED when any linked claim is a DENIAL, else CONFIRMED when the perpetrator confirms,
 *       else MULTIPLE_SOURCES or SINGLE_SOURCE.</li>
 * </ul>
 */
public final class IncidentMerger {

    private IncidentMerger() {}

    /** The consolidated incident; {@code members} must not be empty. */
    public static Incident merge(final String incidentId, final List<ReportExtraction> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an incident needs at least one mention: " + incidentId);
        }
        final List<ReportExtraction> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(IncidentMerger::mentionId));
        final ReportExtraction primary = sorted.stream().min(PRIMARY_FIRST).orElseThrow();
        final IncidentMention p = mention(primary);

        final java.util.TreeMap<String, Integer> byAgency = new java.util.TreeMap<>();
        final Set<String> agencies = new HashSet<>();
        final Set<String> unattributed = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (final ReportExtraction m : sorted) {
            if (m.getAgency() == null) {
                unattributed.add(m.getReportUri());
            } else {
                byAgency.merge(m.getAgency().trim(), 1, Integer::sum);
                agencies.add(m.getAgency().trim().toLowerCase(java.util.Locale.ROOT));
            }
            final long at = reportedAt(m);
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        final int sourceCount = agencies.size() + unattributed.size();
        final List<ReportExtraction> ranked = new ArrayList<>(sorted);
        ranked.sort(PRIMARY_FIRST);
        final List<MentionRef> refs = ranked.stream()
                .limit(IncidentState.LISTED)
                .map(IncidentMerger::ref)
                .toList();
        final int unnamed =
                (int) sorted.stream().filter(m -> m.getAgency() == null).count();

        return Incident.newBuilder()
                .setIncidentId(incidentId)
                .setEventType(p.getEventType())
                .setSubEventType(p.getSubEventType())
                .setEventDate(eventDateSource(sorted).getEventDate())
                .setLocation(mostPreciseLocation(sorted, p))
                .setActor(actor(sorted, p))
                .setKilled(figure(sorted, primary, IncidentMention::getKilled))
                .setInjured(figure(sorted, primary, IncidentMention::getInjured))
                .setCiviliansKilled(breakdown(sorted, p, IncidentMention::getCiviliansKilled))
                .setChildrenKilled(breakdown(sorted, p, IncidentMention::getChildrenKilled))
                .setMentions(refs)
                .setSourceCount(sourceCount)
                .setGrade(grade(sorted, sourceCount, actor(sorted, p)))
                .setEvidence(p.getEvidence())
                .setFirstReportedAt(Instant.ofEpochMilli(first))
                .setUpdatedAt(Instant.ofEpochMilli(last))
                .setMentionCount(sorted.size())
                .setMentionsByAgency(IncidentState.byAgency(byAgency, unnamed))
                .setExtractorVersion(extractorVersion(sorted))
                .build();
    }

    /** A member as the incident lists it. */
    static MentionRef ref(final ReportExtraction m) {
        final IncidentMention im = mention(m);
        return MentionRef.newBuilder()
                .setMentionId(im.getMentionId())
                .setReportUri(m.getReportUri())
                .setReportVersion(m.getReportVersion())
                .setAgency(m.getAgency())
                .setKilled(im.getKilled())
                .setInjured(im.getInjured())
                .setReportedAt(m.getPublishedAt())
                .build();
    }

    /** The members' extractor version; their distinct versions, sorted and space-separated, while they differ. */
    static String extractorVersion(final List<ReportExtraction> members) {
        final java.util.TreeSet<String> versions = new java.util.TreeSet<>();
        for (final ReportExtraction m : members) {
            if (m.getExtractorVersion() != null) {
                versions.add(m.getExtractorVersion());
            }
        }
        return versions.isEmpty() ? null : String.join(" ", versions);
    }

    /** Authority of a source type for picking the best figure: independent counters above parties to the fight. */
    static int authority(final SourceType type) {
        return switch (type) {
            case UN_NGO, MEDICAL -> 6;
            case MONITOR -> 5;
            case LOCAL_OFFICIAL, GOVERNMENT -> 4;
            case MEDIA -> 3;
            case WITNESS, OTHER -> 2;
            case BELLIGERENT -> 1;
        };
    }

    // A figure that no named source carries is the agency's own reporting.
    private static final int AGENCY_AUTHORITY = 3;

    /** The authority behind a member's killed figure: its best-ranked FIGURE claim that is not superseded. */
    static int memberAuthority(final ReportExtraction m) {
        return m.getClaims().stream()
                .filter(c -> c.getKind() == ClaimKind.FIGURE && !c.getSuperseded())
                .mapToInt(c -> authority(c.getSource().getType()))
                .max()
                .orElse(AGENCY_AUTHORITY);
    }

    private static boolean specific(final ReportExtraction m) {
        final CasualtyFigure k = mention(m).getKilled();
        return k != null && k.getBest() != null && !k.getVague();
    }

    /** Most authoritative, then specific, then latest, then highest version; the mention id breaks ties. */
    static final Comparator<ReportExtraction> PRIMARY_FIRST = Comparator.comparingInt(IncidentMerger::memberAuthority)
            .reversed()
            .thenComparing(m -> specific(m) ? 0 : 1)
            .thenComparing(Comparator.comparingLong(IncidentMerger::reportedAt).reversed())
            .thenComparing(
                    Comparator.comparingInt(ReportExtraction::getReportVersion).reversed())
            .thenComparing(IncidentMerger::mentionId);

    static CasualtyFigure figure(
            final List<ReportExtraction> members,
            final ReportExtraction primary,
            final Function<IncidentMention, CasualtyFigure> field) {
        Integer low = null;
        Integer high = null;
        for (final ReportExtraction m : members) {
            final CasualtyFigure f = field.apply(mention(m));
            if (f == null) {
                continue;
            }
            final Integer l = firstNonNull(f.getLow(), f.getBest(), f.getHigh());
            final Integer h = firstNonNull(f.getHigh(), f.getBest(), f.getLow());
            if (l != null) {
                low = low == null ? l : Math.min(low, l);
            }
            if (h != null) {
                high = high == null ? h : Math.max(high, h);
            }
        }
        if (low == null && high == null) {
            final boolean vague =
                    members.stream().map(m -> field.apply(mention(m))).anyMatch(Objects::nonNull);
            return vague
                    ? CasualtyFigure.newBuilder()
                            .setLow(null)
                            .setBest(null)
                            .setHigh(null)
                            .setVague(true)
                            .build()
                    : null;
        }
        // The best figure comes from the primary member; if it gave none, the most authoritative member that did.
        final List<ReportExtraction> byAuthority = new ArrayList<>(members);
        byAuthority.sort(PRIMARY_FIRST);
        byAuthority.remove(primary);
        byAuthority.add(0, primary);
        Integer best = null;
        boolean vague = false;
        for (final ReportExtraction m : byAuthority) {
            final CasualtyFigure f = field.apply(mention(m));
            if (f != null && firstNonNull(f.getBest(), f.getLow(), f.getHigh()) != null) {
                best = f.getBest() != null ? f.getBest() : firstNonNull(f.getLow(), f.getHigh());
                vague = f.getVague();
                break;
            }
        }
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(vague)
                .build();
    }

    private static Integer breakdown(
            final List<ReportExtraction> members,
            final IncidentMention primary,
            final Function<IncidentMention, Integer> field) {
        final Integer own = field.apply(primary);
        if (own != null) {
            return own;
        }
        return members.stream()
                .map(m -> field.apply(mention(m)))
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
    }

    /** The member with the most precise date (smallest tolerance); among those, the primary ordering decides. */
    private static IncidentMention eventDateSource(final List<ReportExtraction> members) {
        return members.stream()
                .min(Comparator.<ReportExtraction>comparingInt(
                                m -> Math.max(0, mention(m).getDateToleranceDays()))
                        .thenComparing(PRIMARY_FIRST))
                .map(IncidentMerger::mention)
                .orElseThrow();
    }

    private static Location mostPreciseLocation(final List<ReportExtraction> members, final IncidentMention primary) {
        Location best = primary.getLocation();
        int bestRank = precision(best);
        final List<ReportExtraction> ordered = new ArrayList<>(members);
        ordered.sort(PRIMARY_FIRST);
        for (final ReportExtraction m : ordered) {
            final Location l = mention(m).getLocation();
            final int rank = precision(l);
            if (rank > bestRank) {
                best = l;
                bestRank = rank;
            }
        }
        return best;
    }

    static int precision(final Location l) {
        if (MentionCompatibility.town(l) != null && !l.getPlace().isBlank()) {
            return 3;
        }
        if (l.getAdmin1Code() != null) {
            return 2;
        }
        if (l.getGeoPrecision() == GeoPrecision.PLACE) {
            return 3;
        }
        return l.getCountryCode() != null ? 1 : 0;
    }

    private static Actor actor(final List<ReportExtraction> members, final IncidentMention primary) {
        if (primary.getActor() != null) {
            return primary.getActor();
        }
        final List<ReportExtraction> ordered = new ArrayList<>(members);
        ordered.sort(PRIMARY_FIRST);
        return ordered.stream()
                .map(m -> mention(m).getActor())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * CONTESTED when a party denies (casualties, civilian harm or involvement): the toll is disputed even when the
     * strike itself is admitted. CONFIRMED when the perpetrator confirms: a CONFIRMATION whose source or speaker
     * shares a word with the incident's actor, or any belligerent's confirmation when no actor is named.
     */
    static IncidentGrade grade(final List<ReportExtraction> members, final int sourceCount, final Actor actor) {
        final List<Claim> claims =
                members.stream().flatMap(m -> m.getClaims().stream()).toList();
        if (claims.stream().anyMatch(c -> c.getKind() == ClaimKind.DENIAL)) {
            return IncidentGrade.CONTESTED;
        }
        final Set<String> perpetrator = actor == null ? null : MentionCompatibility.words(actor.getName());
        final boolean confirmed = claims.stream()
                .filter(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .anyMatch(c ->
                        byPerpetrator(c.getSource().getType(), c.getSource().getName(), c.getSpeaker(), perpetrator));
        if (confirmed) {
            return IncidentGrade.CONFIRMED;
        }
        return sourceCount > 1 ? IncidentGrade.MULTIPLE_SOURCES : IncidentGrade.SINGLE_SOURCE;
    }

    /** Whether a claim speaks for the perpetrator, given the words of its name (null when it is unknown). */
    static boolean byPerpetrator(
            final SourceType type, final String sourceName, final String speakerName, final Set<String> perpetrator) {
        if (perpetrator == null) {
            return type == SourceType.BELLIGERENT;
        }
        final Set<String> speaker = new HashSet<>(MentionCompatibility.words(sourceName));
        speaker.addAll(MentionCompatibility.words(speakerName));
        return perpetrator.stream().anyMatch(speaker::contains);
    }

    static IncidentMention mention(final ReportExtraction m) {
        return m.getIncidents().get(0);
    }

    private static String mentionId(final ReportExtraction m) {
        return mention(m).getMentionId();
    }

    // Reports without a creation time sort as the oldest, so they never win "latest" by accident.
    static long reportedAt(final ReportExtraction m) {
        return m.getPublishedAt() == null ? 0L : m.getPublishedAt().toEpochMilli();
    }

    @SafeVarargs
    private static <T> T firstNonNull(final T... values) {
        for (final T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
