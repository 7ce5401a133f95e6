package org.wirewatch.streams.consolidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.AgencyMentions;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;

/**
 * What consolidation keeps of an incident so that adding a mention costs the same with three members or three
 * thousand: the incident is {@link IncidentMerger#merge} of its members, computed from this summary instead of from
 * every member ({@code docs/architecture.md#semantics-5}).
 *
 * <p>Every part of the merged incident is one of three kinds, and the summary keeps each in a form that can be
 * updated exactly: a <em>leader</em>, the first member in some total order (the primary, the member the date, the
 * place, the actor and the best figures come from), kept as the first {@value #LEADERS_KEPT} members in that order
 * without evidence; an <em>extreme</em>, the lowest or highest value of some number (low and high figures, the
 * breakdowns, the first and last report times), kept as its {@value Extreme#VALUES} nearest values with how many
 * members hold each; and <em>counts</em> (members, mentions per agency, members with a figure, denials,
 * confirmations by source), which add and subtract. The {@value #KEPT} highest-ranked members are kept as
 * references, of which the incident lists the first {@value #LISTED}.
 *
 * <p>Adding a member updates each part in constant time, and so does removing one, unless it leaves a part with
 * nothing known to replace it (the last kept leader of an order, the last kept value of an extreme, fewer than
 * {@value #LISTED} references while there are more members): then {@link #remove} says so and the summary is rebuilt
 * from the members ({@link #of}). A withdrawn mention that was only counted is subtracted exactly, since the member
 * store still holds what it added.
 */
final class IncidentState {

    /** Mentions listed in full in the incident. */
    static final int LISTED = 16;
    /** Ranked references kept, so that a listed mention that leaves can mostly be replaced without a rebuild. */
    static final int KEPT = 2 * LISTED;
    /** Agencies listed with their count of mentions. */
    static final int LISTED_AGENCIES = 100;

    /** A member as a ranked reference: what the incident lists, with what ranks it ({@link #RANK}). */
    record Ranked(MentionRef ref, int authority) {}

    /** {@link IncidentMerger#PRIMARY_FIRST} on references: most authoritative, specific, latest, newest, by id. */
    static final Comparator<Ranked> RANK = Comparator.comparingInt(Ranked::authority)
            .reversed()
            .thenComparing(r -> specific(r.ref().getKilled()) ? 0 : 1)
            .thenComparing(Comparator.comparingLong((Ranked r) -> r.ref().getReportedAt() == null
                            ? 0L
                            : r.ref().getReportedAt().toEpochMilli())
                    .reversed())
            .thenComparing(Comparator.comparingInt((Ranked r) -> r.ref().getReportVersion())
                    .reversed())
            .thenComparing(r -> r.ref().getMentionId());

    /**
     * The lowest (or highest) values of a number over the members, each with how many members hold it: every value up
     * to the {@value #VALUES}th distinct one, so the extreme is known again when the members holding it leave.
     */
    static final class Extreme {
        static final int VALUES = 8;
        final boolean max;
        final TreeMap<Long, Integer> values;
        /** Members that have a value: when the map counts fewer, it holds the nearest values only. */
        int members;

        Extreme(final boolean max) {
            this.max = max;
            this.values = new TreeMap<>(max ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        }

        Long value() {
            return values.isEmpty() ? null : values.firstKey();
        }

        void add(final Long v) {
            if (v == null) {
                return;
            }
            members++;
            if (held() == members - 1 || values.comparator().compare(v, values.lastKey()) <= 0) {
                values.merge(v, 1, Integer::sum);
                if (values.size() > VALUES) {
                    values.pollLastEntry();
                }
            }
        }

        /** False when the extreme is no longer known: its holders left and the map did not hold every value. */
        boolean remove(final Long v) {
            if (v == null) {
                return true;
            }
            members--;
            decrement(values, v);
            return !values.isEmpty() || members == 0;
        }

        private int held() {
            int n = 0;
            for (final int c : values.values()) {
                n += c;
            }
            return n;
        }
    }

    /**
     * The first members in an order, among those the order applies to: up to {@code capacity} of them, so the first
     * is known again when it leaves. While it holds every member it applies to, any member joins it; after that only
     * members ranked before its last one do.
     */
    static final class Ranking<T> {
        final Comparator<T> order;
        final int capacity;
        final List<T> items = new ArrayList<>();
        /** Members the order applies to. */
        int members;

        Ranking(final Comparator<T> order, final int capacity) {
            this.order = order;
            this.capacity = capacity;
        }

        T first() {
            return items.isEmpty() ? null : items.get(0);
        }

        void add(final T item) {
            members++;
            if (items.size() == members - 1 || order.compare(item, items.get(items.size() - 1)) < 0) {
                final int at = -java.util.Collections.binarySearch(items, item, order) - 1;
                items.add(at, item);
                if (items.size() > capacity) {
                    items.remove(items.size() - 1);
                }
            }
        }

        /** False when fewer than {@code needed} first members are known after {@code item} left. */
        boolean remove(final java.util.function.Predicate<T> item, final int needed) {
            final boolean complete = items.size() == members;
            members--;
            items.removeIf(item);
            return complete || items.size() >= needed;
        }
    }

    /** The leaders, each the first member in its order among those it applies to. */
    enum Lead {
        PRIMARY,
        DATE,
        LOCATION,
        ACTOR,
        KILLED,
        INJURED,
        /**
         * The member the incident's published id names ({@link IncidentIds#published}): the earliest story
         * (publication time, the same for every version of a story), then the smallest mention id. A function of
         * the members alone, so the id does not depend on which of them was consolidated first. Last, so the stored
         * leaders of the other orders keep their places.
         */
        ORIGIN;

        Comparator<ReportExtraction> order() {
            return switch (this) {
                case PRIMARY -> IncidentMerger.PRIMARY_FIRST;
                case DATE ->
                    Comparator.<ReportExtraction>comparingInt(
                                    m -> Math.max(0, IncidentMerger.mention(m).getDateToleranceDays()))
                            .thenComparing(IncidentMerger.PRIMARY_FIRST);
                case LOCATION ->
                    Comparator.<ReportExtraction>comparingInt(m -> -IncidentMerger.precision(
                                    IncidentMerger.mention(m).getLocation()))
                            .thenComparing(IncidentMerger.PRIMARY_FIRST);
                case ACTOR ->
                    Comparator.<ReportExtraction>comparingInt(
                                    m -> IncidentMerger.mention(m).getActor() == null ? 1 : 0)
                            .thenComparing(IncidentMerger.PRIMARY_FIRST);
                case KILLED, INJURED -> IncidentMerger.PRIMARY_FIRST;
                case ORIGIN ->
                    Comparator.comparingLong(IncidentMerger::reportedAt)
                            .thenComparing(m -> IncidentMerger.mention(m).getMentionId());
            };
        }

        boolean applies(final ReportExtraction m) {
            return switch (this) {
                case KILLED -> hasNumber(IncidentMerger.mention(m).getKilled());
                case INJURED -> hasNumber(IncidentMerger.mention(m).getInjured());
                default -> true;
            };
        }
    }

    /** Cards of leading members kept per order: a leader that leaves is mostly replaced without a rebuild. */
    static final int LEADERS_KEPT = 4;

    int count;
    /**
     * False for a summary stored before {@link Lead#ORIGIN} existed: its origin is unknown until it is rebuilt from
     * the members.
     */
    boolean originKnown = true;

    final TreeMap<String, Integer> agencies = new TreeMap<>();
    /** Mentions of reports that name no agency, by report uri: each such report counts as a source of its own. */
    final TreeMap<String, Integer> unattributed = new TreeMap<>();
    /** Per {@link Lead}, the first members in its order, without evidence. */
    final List<Ranking<ReportExtraction>> leaders = new ArrayList<>();

    final Ranking<Ranked> top = new Ranking<>(RANK, KEPT);
    final Extreme killedLow = new Extreme(false);
    final Extreme killedHigh = new Extreme(true);
    final Extreme injuredLow = new Extreme(false);
    final Extreme injuredHigh = new Extreme(true);
    final Extreme civilians = new Extreme(true);
    final Extreme children = new Extreme(true);
    final Extreme firstReported = new Extreme(false);
    final Extreme lastReported = new Extreme(true);
    int killedFigures;
    int injuredFigures;
    int denials;
    /** CONFIRMATION claims by who made them ({@link #confirmationKey}), for the grade. */
    final TreeMap<String, Integer> confirmations = new TreeMap<>();
    /** Members by the extractor version that produced them: the incident names every version still present. */
    final TreeMap<String, Integer> versions = new TreeMap<>();

    IncidentState() {
        for (final Lead lead : Lead.values()) {
            leaders.add(new Ranking<>(lead.order(), LEADERS_KEPT));
        }
    }

    private ReportExtraction leader(final Lead lead) {
        return leaders.get(lead.ordinal()).first();
    }

    /** The summary of these members, in any order. */
    static IncidentState of(final Iterable<ReportExtraction> members) {
        final IncidentState s = new IncidentState();
        members.forEach(s::add);
        return s;
    }

    void add(final ReportExtraction member) {
        final ReportExtraction card = withoutEvidence(member);
        final IncidentMention m = IncidentMerger.mention(member);
        count++;
        if (member.getAgency() == null) {
            unattributed.merge(member.getReportUri(), 1, Integer::sum);
        } else {
            agencies.merge(member.getAgency().trim(), 1, Integer::sum);
        }
        for (final Lead lead : Lead.values()) {
            if (lead.applies(card)) {
                leaders.get(lead.ordinal()).add(card);
            }
        }
        top.add(ranked(member));
        killedLow.add(low(m.getKilled()));
        killedHigh.add(high(m.getKilled()));
        injuredLow.add(low(m.getInjured()));
        injuredHigh.add(high(m.getInjured()));
        civilians.add(longOrNull(m.getCiviliansKilled()));
        children.add(longOrNull(m.getChildrenKilled()));
        firstReported.add(IncidentMerger.reportedAt(member));
        lastReported.add(IncidentMerger.reportedAt(member));
        killedFigures += m.getKilled() != null ? 1 : 0;
        injuredFigures += m.getInjured() != null ? 1 : 0;
        denials += member.getClaims().stream().anyMatch(c -> c.getKind() == ClaimKind.DENIAL) ? 1 : 0;
        for (final Claim c : member.getClaims()) {
            if (c.getKind() == ClaimKind.CONFIRMATION) {
                confirmations.merge(confirmationKey(c), 1, Integer::sum);
            }
        }
        if (member.getExtractorVersion() != null) {
            versions.merge(member.getExtractorVersion(), 1, Integer::sum);
        }
    }

    /**
     * Subtracts a member, exactly as {@link #add} added it. False when the summary cannot tell what replaces it in
     * some part: the caller rebuilds it with {@link #of}.
     */
    boolean remove(final ReportExtraction member) {
        final IncidentMention m = IncidentMerger.mention(member);
        final String id = m.getMentionId();
        boolean exact = true;
        count--;
        if (member.getAgency() == null) {
            decrement(unattributed, member.getReportUri());
        } else {
            decrement(agencies, member.getAgency().trim());
        }
        for (final Lead lead : Lead.values()) {
            if (lead.applies(member)) {
                exact &= leaders.get(lead.ordinal())
                        .remove(l -> IncidentMerger.mention(l).getMentionId().equals(id), 1);
            }
        }
        exact &= top.remove(r -> r.ref().getMentionId().equals(id), Math.min(LISTED, count));
        exact &= killedLow.remove(low(m.getKilled()));
        exact &= killedHigh.remove(high(m.getKilled()));
        exact &= injuredLow.remove(low(m.getInjured()));
        exact &= injuredHigh.remove(high(m.getInjured()));
        exact &= civilians.remove(longOrNull(m.getCiviliansKilled()));
        exact &= children.remove(longOrNull(m.getChildrenKilled()));
        exact &= firstReported.remove(IncidentMerger.reportedAt(member));
        exact &= lastReported.remove(IncidentMerger.reportedAt(member));
        killedFigures -= m.getKilled() != null ? 1 : 0;
        injuredFigures -= m.getInjured() != null ? 1 : 0;
        denials -= member.getClaims().stream().anyMatch(c -> c.getKind() == ClaimKind.DENIAL) ? 1 : 0;
        for (final Claim c : member.getClaims()) {
            if (c.getKind() == ClaimKind.CONFIRMATION) {
                decrement(confirmations, confirmationKey(c));
            }
        }
        if (member.getExtractorVersion() != null) {
            decrement(versions, member.getExtractorVersion());
        }
        return exact && count > 0;
    }

    /** The id of the member the best figure and the evidence come from. */
    String primaryMentionId() {
        return IncidentMerger.mention(leader(Lead.PRIMARY)).getMentionId();
    }

    /** The id of the member the incident's published id names ({@link Lead#ORIGIN}). */
    String originMentionId() {
        if (!originKnown) {
            throw new IllegalStateException("the origin of a summary stored before it was kept: rebuild it");
        }
        return IncidentMerger.mention(leader(Lead.ORIGIN)).getMentionId();
    }

    /** The incident, as {@link IncidentMerger#merge} would make it of the same members. */
    Incident incident(final String incidentId, final List<EvidenceSpan> primaryEvidence) {
        final IncidentMention p = IncidentMerger.mention(leader(Lead.PRIMARY));
        final ReportExtraction actorSource = leader(Lead.ACTOR);
        final Actor actor =
                actorSource == null ? null : IncidentMerger.mention(actorSource).getActor();
        final int sources = sourceCount();
        return Incident.newBuilder()
                .setIncidentId(incidentId)
                .setEventType(p.getEventType())
                .setSubEventType(p.getSubEventType())
                .setEventDate(IncidentMerger.mention(leader(Lead.DATE)).getEventDate())
                .setLocation(IncidentMerger.mention(leader(Lead.LOCATION)).getLocation())
                .setActor(actor)
                .setKilled(
                        figure(killedLow, killedHigh, leader(Lead.KILLED), killedFigures, IncidentMention::getKilled))
                .setInjured(figure(
                        injuredLow, injuredHigh, leader(Lead.INJURED), injuredFigures, IncidentMention::getInjured))
                .setCiviliansKilled(
                        p.getCiviliansKilled() != null ? p.getCiviliansKilled() : intOrNull(civilians.value()))
                .setChildrenKilled(p.getChildrenKilled() != null ? p.getChildrenKilled() : intOrNull(children.value()))
                .setMentions(top.items.stream().limit(LISTED).map(Ranked::ref).toList())
                .setSourceCount(sources)
                .setGrade(grade(actor, sources))
                .setEvidence(primaryEvidence)
                .setFirstReportedAt(Instant.ofEpochMilli(firstReported.value()))
                .setUpdatedAt(Instant.ofEpochMilli(lastReported.value()))
                .setMentionCount(count)
                .setMentionsByAgency(byAgency(
                        agencies,
                        unattributed.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()))
                .setExtractorVersion(versions.isEmpty() ? null : String.join(" ", versions.keySet()))
                .build();
    }

    private int sourceCount() {
        final Set<String> names = new HashSet<>();
        agencies.keySet().forEach(a -> names.add(a.toLowerCase(java.util.Locale.ROOT)));
        return names.size() + unattributed.size();
    }

    private IncidentGrade grade(final Actor actor, final int sources) {
        if (denials > 0) {
            return IncidentGrade.CONTESTED;
        }
        final Set<String> perpetrator = actor == null ? null : MentionCompatibility.words(actor.getName());
        for (final String key : confirmations.keySet()) {
            final String[] who = key.split("\u0000", -1);
            if (IncidentMerger.byPerpetrator(
                    SourceType.valueOf(who[0]), who[1], who[2].isEmpty() ? null : who[2].substring(1), perpetrator)) {
                return IncidentGrade.CONFIRMED;
            }
        }
        return sources > 1 ? IncidentGrade.MULTIPLE_SOURCES : IncidentGrade.SINGLE_SOURCE;
    }

    /** Mentions per agency, most first, then by name; reports naming no agency count under null. */
    static List<AgencyMentions> byAgency(final Map<String, Integer> agencies, final int unattributed) {
        final List<AgencyMentions> out = new ArrayList<>();
        agencies.forEach((a, n) -> out.add(new AgencyMentions(a, n)));
        if (unattributed > 0) {
            out.add(new AgencyMentions(null, unattributed));
        }
        out.sort(Comparator.comparingInt(AgencyMentions::getMentions)
                .reversed()
                .thenComparing(AgencyMentions::getAgency, Comparator.nullsLast(Comparator.naturalOrder())));
        return out.size() > LISTED_AGENCIES ? List.copyOf(out.subList(0, LISTED_AGENCIES)) : out;
    }

    private static CasualtyFigure figure(
            final Extreme low,
            final Extreme high,
            final ReportExtraction source,
            final int figures,
            final Function<IncidentMention, CasualtyFigure> field) {
        if (low.value() == null) {
            return figures > 0
                    ? CasualtyFigure.newBuilder()
                            .setLow(null)
                            .setBest(null)
                            .setHigh(null)
                            .setVague(true)
                            .build()
                    : null;
        }
        final CasualtyFigure f = field.apply(IncidentMerger.mention(source));
        final Integer best = f.getBest() != null ? f.getBest() : f.getLow() != null ? f.getLow() : f.getHigh();
        return CasualtyFigure.newBuilder()
                .setLow(intOrNull(low.value()))
                .setBest(best)
                .setHigh(intOrNull(high.value()))
                .setVague(f.getVague())
                .build();
    }

    static Ranked ranked(final ReportExtraction m) {
        return new Ranked(IncidentMerger.ref(m), IncidentMerger.memberAuthority(m));
    }

    /** Who made a confirmation, as a key: source type, source name, and the speaker after a marker (or nothing). */
    static String confirmationKey(final Claim c) {
        return c.getSource().getType() + "\u0000"
                + Objects.toString(c.getSource().getName(), "") + "\u0000"
                + (c.getSpeaker() == null ? "" : "\u0001" + c.getSpeaker());
    }

    static boolean hasNumber(final CasualtyFigure f) {
        return f != null && (f.getLow() != null || f.getBest() != null || f.getHigh() != null);
    }

    private static boolean specific(final CasualtyFigure k) {
        return k != null && k.getBest() != null && !k.getVague();
    }

    private static Long low(final CasualtyFigure f) {
        return f == null
                ? null
                : longOrNull(f.getLow() != null ? f.getLow() : f.getBest() != null ? f.getBest() : f.getHigh());
    }

    private static Long high(final CasualtyFigure f) {
        return f == null
                ? null
                : longOrNull(f.getHigh() != null ? f.getHigh() : f.getBest() != null ? f.getBest() : f.getLow());
    }

    private static Long longOrNull(final Integer v) {
        return v == null ? null : v.longValue();
    }

    private static Integer intOrNull(final Long v) {
        return v == null ? null : Math.toIntExact(v);
    }

    private static <K> void decrement(final Map<K, Integer> counts, final K key) {
        counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The member as a leader is kept: evidence is read from the member store, and only for the primary. */
    static ReportExtraction withoutEvidence(final ReportExtraction m) {
        final IncidentMention im = IncidentMerger.mention(m);
        final boolean bare = im.getEvidence().isEmpty()
                && m.getClaims().stream().allMatch(c -> c.getEvidence().isEmpty());
        return bare ? m : Extractions.stripped(m);
    }
}
