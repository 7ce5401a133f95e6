package org.wirewatch.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.rules.DateMention;

/** One incident being assembled from the sentences that describe it. */
final class Frame {

    final List<SentenceInfo> members = new ArrayList<>();
    final SentenceInfo opener;
    final boolean main;
    LocalDate date;
    int tolerance;
    boolean dateKnown;
    boolean past;
    /** Sub-event code read so far (from triggers), for compatibility checks. */
    String code;
    String mentionId;
    /** Canonical name of the actor chosen for the incident, once known. */
    String actorName;

    Frame(SentenceInfo opener, boolean main) {
        this.opener = opener;
        this.main = main;
        add(opener);
    }

    void add(SentenceInfo s) {
        members.add(s);
        if (!dateKnown) {
            DateMention d = s.eventDate();
            // a later sentence's date in the past ("the 1998 attack on a college nearby") recalls another event;
            // it never dates an incident whose own sentences gave no day
            boolean background = d != null && s != opener && d.role() == DateMention.Role.PAST;
            if (d != null && !background) {
                date = d.date();
                tolerance = d.toleranceDays();
                dateKnown = true;
                past = d.role() == DateMention.Role.PAST;
            }
        }
        if (code == null && s.eventful()) {
            code = s.topTrigger();
        }
    }

    int lastParagraph() {
        return members.get(members.size() - 1).sentence.paragraph();
    }

    /** The first-level region named in the frame, from its own sentences (no reference points). */
    String admin1() {
        for (SentenceInfo s : members) {
            for (GeoMention g : s.places) {
                if (g.admin1Code() != null && (g.kind() == GeoKind.ADMIN1 || g.kind() == GeoKind.PLACE)) {
                    return g.admin1Code();
                }
            }
        }
        return null;
    }

    String country() {
        for (SentenceInfo s : members) {
            for (GeoMention g : s.places) {
                if (g.countryCode() != null && g.kind() != GeoKind.DEMONYM) {
                    return g.countryCode();
                }
            }
        }
        return null;
    }

    boolean hasTerritory() {
        return members.stream().anyMatch(SentenceInfo::hasTerritory);
    }
}
