package org.wirewatch.formats;

import java.util.ArrayList;
import java.util.List;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * The items of one input that may carry several (a feed, a newsMessage), judged one by one: the input is accepted
 * when at least one item is usable, the others listed with their own reasons; it is rejected as a whole only when
 * none is, with the reason of the item that says most (a text item's problem before "not a text item").
 */
final class Items {

    private final ReportFormat format;
    private final String whenEmpty;
    private final List<WireReport> reports = new ArrayList<>();
    private final List<ParseResult.RejectedItem> rejected = new ArrayList<>();
    private final List<FormatException> problems = new ArrayList<>();

    /** @param whenEmpty the whole input's rejection when it holds no item at all */
    Items(ReportFormat format, String whenEmpty) {
        this.format = format;
        this.whenEmpty = whenEmpty;
    }

    void accept(WireReport report) {
        reports.add(report);
    }

    void reject(String id, String excerpt, FormatException problem) {
        rejected.add(new ParseResult.RejectedItem(
                id, excerpt, new ParseResult.Rejection(problem.code(), problem.getMessage(), format)));
        problems.add(problem);
    }

    ParseResult.Accepted result() throws FormatException {
        if (!reports.isEmpty()) {
            return new ParseResult.Accepted(format, reports, rejected);
        }
        if (problems.isEmpty()) {
            throw new FormatException(RejectionCode.NO_ITEM, whenEmpty);
        }
        FormatException telling = problems.stream()
                .filter(p -> p.code() != RejectionCode.NOT_TEXT)
                .findFirst()
                .orElse(problems.get(0));
        String others = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more unusable)";
        throw new FormatException(telling.code(), telling.getMessage() + others);
    }
}
