package org.wirewatch.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.SubEventType;

/**
 * Stage 4: one {@link IncidentMention} per frame, from its event type ({@link EventTypeReader}), location
 * ({@link LocationReader}), perpetrator ({@link PerpetratorReader}) and figures ({@link FigureReader}). One
 * instance per report.
 */
final class IncidentReader {

    /** Events older than this many days before publication are background (corpus convention 9). */
    static final int RECENT_DAYS = 10;

    private final ReportText text;
    private final IncidentDrafts drafts;
    private final EventTypeReader eventTypes;
    private final LocationReader locations;
    private final PerpetratorReader perpetrators;

    IncidentReader(Rules rules, ReportFacts facts, IncidentDrafts drafts) {
        this.text = facts.text();
        this.drafts = drafts;
        this.eventTypes = new EventTypeReader();
        this.locations = new LocationReader(rules.gazetteer, facts, drafts);
        this.perpetrators = new PerpetratorReader(rules.agentVerbs, facts, drafts);
    }

    /** The incidents, in the order of the frames. */
    List<IncidentMention> read() {
        List<IncidentMention> out = new ArrayList<>(drafts.frames().size());
        // each incident's own toll, for a main toll that adds up several incidents
        List<int[]> tolls = new ArrayList<>();
        for (Frame f : drafts.frames()) {
            IncidentMention.Builder scratch = IncidentMention.newBuilder();
            FigureReader.figures(f, scratch);
            boolean current = !f.past && ChronoUnit.DAYS.between(f.date, text.published()) <= RECENT_DAYS;
            CasualtyFigure k = scratch.getKilled();
            boolean known = current && k != null && k.getBest() != null;
            int best = known ? k.getBest() : 0;
            int high = known && k.getHigh() != null && !k.getHigh().equals(k.getBest()) ? k.getHigh() : 0;
            tolls.add(known ? new int[] {best, best + high} : null);
        }
        for (Frame f : drafts.frames()) {
            List<int[]> elsewhere = new ArrayList<>();
            for (int i = 0; i < tolls.size(); i++) {
                if (i != f.ordinal && tolls.get(i) != null) {
                    elsewhere.add(tolls.get(i));
                }
            }
            IncidentMention m = PerpetratorReader.presumed(incident(f, elsewhere), out);
            // after the presumption: a later attack of the first one's kind stays its author's, as presumed
            Actor suspect = m.getActor() == null ? perpetrators.unattributed(m.getSubEventType()) : null;
            if (m.getActor() == null && suspect == null) {
                suspect = perpetrators.agentOfItsDay(f);
            }
            if (m.getActor() == null && suspect == null) {
                suspect = perpetrators.stateLaunchingThatDay(f, m.getSubEventType());
            }
            out.add(
                    suspect == null
                            ? m
                            : IncidentMention.newBuilder(m).setActor(suspect).build());
        }
        // "Four were killed in A, where police fired on the crowd, and 12 died in clashes in B": the second clause
        // is told as the same kind of event as the first, by the same hands unless it names its own
        for (Frame f : drafts.frames()) {
            Frame sibling = TollClauses.isSecondClause(f.opener.sentence)
                    ? drafts.bySentence().get(f.opener.sentence.index() - 1)
                    : null;
            if (sibling == null || sibling == f || sibling.ordinal > f.ordinal) {
                continue;
            }
            IncidentMention first = out.get(sibling.ordinal);
            IncidentMention m = out.get(f.ordinal);
            out.set(
                    f.ordinal,
                    IncidentMention.newBuilder(m)
                            .setSubEventType(first.getSubEventType())
                            .setEventType(first.getEventType())
                            .setActor(
                                    m.getActor() == null
                                                    || "presumed"
                                                            .equals(m.getActor().getQualifier())
                                            ? first.getActor()
                                            : m.getActor())
                            .build());
        }
        // "the gunmen also attacked a post in X and killed an officer": "also" tells another act of the party of the
        // incident told before it
        for (Frame f : drafts.frames()) {
            if (f.main || f.ordinal == 0 || !f.opener.also || FrameAssembler.unlistedScene(f.opener) == null) {
                continue;
            }
            IncidentMention before = out.get(f.ordinal - 1);
            if (before.getActor() != null) {
                out.set(
                        f.ordinal,
                        IncidentMention.newBuilder(out.get(f.ordinal))
                                .setActor(before.getActor())
                                .build());
            }
        }
        // "rockets at the airports of A and B": one more incident per coordinated town, after the frames' own (whose
        // ids the claims use), same day, kind and party, with no figure (none was given per town)
        int frames = out.size();
        for (int i = 0; i < frames; i++) {
            Frame f = drafts.frames().get(i);
            IncidentMention m = out.get(i);
            // a region-precision location names its region as the place: no town to chain others to
            String place = m.getLocation().getGeoPrecision() == org.wirewatch.schema.GeoPrecision.PLACE
                    ? m.getLocation().getPlace()
                    : null;
            CoordinatedSites.Sites sites = CoordinatedSites.others(f, place);
            for (GeoMention g : sites == null ? List.<GeoMention>of() : sites.towns()) {
                out.add(IncidentMention.newBuilder(m)
                        .setMentionId(text.report().getUri() + "#" + (out.size() + 1))
                        .setLocation(locations.at(g))
                        .setKilled(null)
                        .setInjured(null)
                        .setAbducted(null)
                        .setChildrenKilled(null)
                        .setCiviliansKilled(null)
                        .setEvidence(List.of(text.span(sites.sentence().sentence)))
                        .build());
            }
        }
        return out;
    }

    /**
     * The frame's location; for a side incident opened by an act told in passing at a town the gazetteer lacks ("the
     * gunmen also attacked a post in Mbua"), that town within the region found, rather than the region alone.
     */
    private org.wirewatch.schema.Location location(Frame f) {
        org.wirewatch.schema.Location at = locations.location(f);
        if (f.main || !f.opener.also || at.getGeoPrecision() == org.wirewatch.schema.GeoPrecision.PLACE) {
            return at;
        }
        String town = FrameAssembler.unlistedScene(f.opener);
        if (town == null) {
            return at;
        }
        return org.wirewatch.schema.Location.newBuilder(at)
                .setPlace(town)
                .setLatitude(null)
                .setLongitude(null)
                .setGeoPrecision(org.wirewatch.schema.GeoPrecision.PLACE)
                .build();
    }

    private IncidentMention incident(Frame f, List<int[]> elsewhere) {
        SubEventType sub = eventTypes.subEvent(f, drafts);
        LocalDate published = text.published();
        boolean background = f.past || ChronoUnit.DAYS.between(f.date, published) > RECENT_DAYS;
        IncidentMention.Builder b = IncidentMention.newBuilder()
                .setMentionId(f.mentionId)
                .setSubEventType(sub)
                .setEventType(EventTypeReader.eventType(sub))
                .setEventDate(f.date)
                .setDateToleranceDays(f.tolerance)
                .setRecency(background ? Recency.BACKGROUND : Recency.CURRENT)
                .setLocation(location(f));
        Actor actor = perpetrators.actor(f);
        if (actor == null && sub == SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED) {
            actor = perpetrators.mineLayer();
        }
        b.setActor(
                actor != null
                        ? actor
                        : PerpetratorReader.bySubEvent(sub, b.getLocation().getCountryCode()));
        FigureReader.figures(f, b, elsewhere);
        List<EvidenceSpan> evidence = new ArrayList<>();
        for (SentenceInfo s : f.members) {
            if (s == f.opener || !s.facts.isEmpty() || s.eventDate() != null) {
                evidence.add(text.span(s.sentence));
            }
        }
        b.setEvidence(evidence);
        return b.build();
    }
}
