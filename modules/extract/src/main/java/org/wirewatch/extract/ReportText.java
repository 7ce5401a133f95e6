package org.wirewatch.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirewatch.common.Publication;
import org.wirewatch.extract.geo.Dateline;
import org.wirewatch.extract.text.Sentence;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.WireReport;

/**
 * Stage 1 of the reader: the report's text (headline, blank line, body), the day it was published, where the story
 * starts after its dateline, its sentences and its language. Immutable.
 *
 * @param report the report read
 * @param text the text every evidence span indexes into ({@link Extractor#reportText(WireReport)})
 * @param published the publication day (UTC) that relative dates count from
 * @param bodyStart where the story starts: after the headline and the dateline, whose place and date are the
 *     reporter's, not the event's
 * @param sentences the headline (paragraph 0) and the body's sentences, numbered from 0 in text order
 * @param language the detected language code; only "en" is read further
 */
record ReportText(
        WireReport report, String text, LocalDate published, int bodyStart, List<Sentence> sentences, String language) {

    /** TASS style: "BELGOROD, August 14. /TASS/. Ukrainian troops ...". */
    private static final Pattern SLASHED_DATELINE = Pattern.compile(
            "[\\s\\u00a0]*\\p{Lu}[^.\\n(),/]{0,40},[^\\n()/]{1,40}?/[\\p{L}][\\p{L}0-9 .&\\-]{0,30}/[ \\u00a0]*\\.?"
                    + "[ \\u00a0]*(?:(?:--|\u2014|\u2013|-|:)[ \\u00a0]*)?");
    /** A place, a comma and up to 100 characters without a full stop, then "(Agency)", an optional full stop, a dash. */
    private static final Pattern AGENCY_DATELINE =
            Pattern.compile("[\\s\\u00a0]*\\p{Lu}[^.\\n(),]{0,40},[^.\\n()]{1,100}?"
                    + "\\([\\p{L}][\\p{L}0-9 .&/\\-]{0,30}\\)[ \\u00a0]*\\.?[ \\u00a0]*"
                    // the dash may be missing: "Srinagar, Feb 15 (PTI) At least 37 ..."
                    + "(?:(?:--|\u2014|\u2013|-|:)[ \\u00a0]*|(?=\\p{Lu}))");

    ReportText {
        sentences = List.copyOf(sentences);
    }

    /** Splits the report into sentences and detects its language. */
    static ReportText read(Rules rules, WireReport report) {
        String headline =
                report.getHeadline() == null ? "" : report.getHeadline().strip();
        String body = report.getBody() == null ? "" : report.getBody();
        String text = headline + "\n\n" + body;
        LocalDate published = Publication.dayOf(report);
        Optional<Dateline> dateline = Dateline.parse(body, rules.gazetteer);
        int bodyStart =
                headline.length() + 2 + dateline.map(Dateline::textStart).orElseGet(() -> agencyDateline(body));
        int headlineEnd = text.indexOf("\n\n");
        List<Sentence> sentences = new ArrayList<>(rules.splitter.split(text, 0, headlineEnd, 0, 0));
        sentences.addAll(rules.splitter.split(text, bodyStart, text.length(), sentences.size(), 1));
        sentences = new ArrayList<>(TollClauses.split(sentences, rules.numbers));
        // the language detector reads the first SAMPLE words of the body: collect no more than those
        List<Token> all = new ArrayList<>(2 * LanguageDetector.SAMPLE);
        int words = 0;
        for (Sentence s : sentences) {
            if (s.paragraph() > 0 && words <= LanguageDetector.SAMPLE) {
                for (Token t : s.tokens()) {
                    all.add(t);
                    words += t.isWord() ? 1 : 0;
                }
            }
        }
        String language = rules.language.detect(text.substring(Math.min(bodyStart, text.length())), all);
        return new ReportText(report, text, published, bodyStart, sentences, language);
    }

    /**
     * Where the story starts after an agency dateline the dateline grammar does not cover ("BUNIA, Democratic
     * Republic of Congo, June 13 (Reuters) - ", "Bogota, May 20 (EFE).- "): a short capitalised opening without
     * a full stop that ends in an agency in parentheses and a dash. 0 when there is none: the reporter's city
     * must never be read as the place of the event.
     */
    static int agencyDateline(String body) {
        String head = body.length() > 160 ? body.substring(0, 160) : body;
        Matcher m = AGENCY_DATELINE.matcher(head);
        if (m.lookingAt()) {
            return m.end();
        }
        Matcher slashed = SLASHED_DATELINE.matcher(head);
        return slashed.lookingAt() ? slashed.end() : 0;
    }

    /** Where the headline ends (the blank line before the body). */
    int headlineEnd() {
        return text.indexOf("\n\n");
    }

    /** The evidence span of a sentence. */
    EvidenceSpan span(Sentence s) {
        return EvidenceSpan.newBuilder()
                .setStart(s.start())
                .setEnd(s.end())
                .setText(text.substring(s.start(), s.end()))
                .build();
    }
}
