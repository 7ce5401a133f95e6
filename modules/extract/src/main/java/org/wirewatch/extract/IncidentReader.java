package org.wirewatch.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
        for (Frame f : drafts.frames()) {
            out.add(PerpetratorReader.presumed(incident(f), out));
        }
        return out;
    }

    private IncidentMention incident(Frame f) {
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
                .setLocation(locations.location(f))
                .setActor(perpetrators.actor(f));
        FigureReader.figures(f, b);
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
