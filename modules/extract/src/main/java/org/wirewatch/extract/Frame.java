package org.wirewatch.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 3's result for one incident: the sentences that describe it and the day it happened. Immutable; compared by
 * identity (one frame per incident of a report).
 */
final class Frame {

    /** The member sentences in text order, the opener first. */
    final List<SentenceInfo> members;

    final SentenceInfo opener;
    /** The report's first incident: the headline and lead describe it. */
    final boolean main;

    final LocalDate date;
    final int tolerance;
    /** The day is one the report places in the past ("the 1998 attack"): background. */
    final boolean past;
    /** Sub-event code read from the first eventful member's triggers, or null. */
    final String code;

    final String mentionId;
    /** Position among the report's incidents, from 0. */
    final int ordinal;

    Frame(
            List<SentenceInfo> members,
            boolean main,
            LocalDate date,
            int tolerance,
            boolean past,
            String code,
            String mentionId,
            int ordinal) {
        this.members = List.copyOf(members);
        this.opener = members.get(0);
        this.main = main;
        this.date = date;
        this.tolerance = tolerance;
        this.past = past;
        this.code = code;
        this.mentionId = mentionId;
        this.ordinal = ordinal;
    }

    /** The sentences that say what kind of event it was: the headline and lead for the main incident. */
    List<SentenceInfo> heads() {
        List<SentenceInfo> heads = new ArrayList<>();
        if (main) {
            for (SentenceInfo s : members) {
                if (s.sentence.paragraph() <= 1 && s.sentence.index() <= 1) {
                    heads.add(s);
                }
            }
            if (heads.stream().noneMatch(s -> !s.triggers.isEmpty())) {
                for (SentenceInfo s : members) {
                    if (s.eventful() && !heads.contains(s)) {
                        heads.add(s);
                        break;
                    }
                }
            }
        } else {
            heads.add(opener);
        }
        return heads;
    }

    /** The heads with the lead before the headline: the lead says more precisely what happened where. */
    static List<SentenceInfo> leadFirst(List<SentenceInfo> heads) {
        List<SentenceInfo> out = new ArrayList<>();
        for (SentenceInfo s : heads) {
            if (!s.isHeadline()) {
                out.add(s);
            }
        }
        for (SentenceInfo s : heads) {
            if (s.isHeadline()) {
                out.add(s);
            }
        }
        return out;
    }
}
