package org.wirewatch.formats;

import java.util.List;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * Plain text: the first non-blank line is the headline, the rest the body (whose opening is usually the dateline).
 * There is no id in plain text, so the story uri is derived from the content: one file is one story, version 1.
 */
final class TextFormat {

    private TextFormat() {}

    static List<WireReport> parse(String text) throws FormatException {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        int newline = normalised.indexOf('\n');
        Reports.Draft draft = new Reports.Draft();
        draft.uri = StoryIds.fromContent(ReportFormat.TEXT, normalised);
        draft.headline = newline < 0 ? normalised : normalised.substring(0, newline);
        draft.body = newline < 0 ? "" : normalised.substring(newline + 1);
        return List.of(draft.build(ReportFormat.TEXT, ""));
    }
}
