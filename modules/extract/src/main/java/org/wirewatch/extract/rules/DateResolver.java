package org.wirewatch.extract.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirewatch.extract.text.Token;

/**
 * Resolves the date expressions of news prose against the publication date: a weekday is the latest such day on
 * or before publication ("Saturday", "late on Friday", "on Tuesday"), "overnight" the night ending on the day of
 * publication and "last night" the day before,
 * "last week" seven days before, explicit dates ("March 14", "14 March 2022") in the latest year that does not put
 * them after publication, "N days earlier/after" relative to the report's main event.
 */
public final class DateResolver {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
            "monday",
            DayOfWeek.MONDAY,
            "tuesday",
            DayOfWeek.TUESDAY,
            "wednesday",
            DayOfWeek.WEDNESDAY,
            "thursday",
            DayOfWeek.THURSDAY,
            "friday",
            DayOfWeek.FRIDAY,
            "saturday",
            DayOfWeek.SATURDAY,
            "sunday",
            DayOfWeek.SUNDAY);
    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY),
            Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH),
            Map.entry("april", Month.APRIL),
            Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE),
            Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY),
            Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER),
            Map.entry("dec", Month.DECEMBER));
    private static final Set<String> STARTERS;

    static {
        Set<String> s = new java.util.HashSet<>();
        s.addAll(WEEKDAYS.keySet());
        s.addAll(MONTHS.keySet());
        s.addAll(List.of(
                "overnight",
                "previous",
                "last",
                "yesterday",
                "today",
                "this",
                "earlier",
                "weekend",
                "days",
                "weeks",
                "a",
                "an",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten"));
        // a HashSet, not Set.copyOf: most tokens miss, and a hash mismatch rules them out without equals(). Kept
        // unwrapped for the per-token lookup; starters() hands out a read-only view
        STARTERS = s;
    }

    private static final Set<String> SPEECH = Set.of(
            "said",
            "says",
            "say",
            "told",
            "reported",
            "announced",
            "added",
            "stated",
            "confirmed",
            "tweeted",
            "wrote",
            "posted",
            "reports",
            "announces",
            "claimed",
            "denied",
            "acknowledged",
            "quoted",
            "statement",
            // "Niger's government on Thursday declared two days of mourning after 69 were killed": what was done
            // about the event, not the event
            "declared",
            "condemned",
            "vowed",
            "urged",
            // "the government and its opponents blamed each other on Wednesday for the explosions": a reaction's day
            "blamed",
            "blames");
    /**
     * Nouns of a violent event that a date can modify: "the April 17 attack", "the March 5 bombing" name the day of
     * the event, even where the words before make a date a statement's ("gave the toll on the April 17 attack").
     */
    private static final Set<String> EVENT_NOUNS = Set.of(
            "attack",
            "attacks",
            "strike",
            "strikes",
            "bombing",
            "bombings",
            "raid",
            "raids",
            "ambush",
            "massacre",
            "assault",
            "blast",
            "blasts",
            "explosion",
            "shelling",
            "killings");
    /** Participles before "by" and a reader: "a report seen by AFP on Thursday" dates the reading. */
    private static final Set<String> DOCUMENT_READ = Set.of("seen", "obtained", "reviewed");
    /** Words that put a day ahead as a plan: "examinations scheduled for Thursday", "a vote due on Monday". */
    private static final Set<String> PLANNED = Set.of("scheduled", "planned", "slated", "due", "set", "expected");
    /** Verbs of a toll's update: the day after them is when the figure changed. */
    private static final Set<String> TOLL_UPDATES =
            Set.of("rose", "risen", "rises", "climbed", "climbs", "increased", "reached", "mounted", "jumped");
    /**
     * Verbs that state or revise a toll ("put the toll slightly lower on Monday", "gave a toll of 12 on Friday"):
     * the day after them is when the figure was given, not when the event happened.
     */
    private static final Set<String> TOLL_STATEMENTS =
            Set.of("put", "puts", "gave", "gives", "revised", "raised", "lowered", "updated", "set", "sets", "placed");

    /** "the previous day", "the previous evening": the day before. */
    private static final Set<String> PREVIOUS_PARTS = Set.of("day", "evening", "night", "morning", "afternoon");

    private static final Set<String> NUMBER_WORDS =
            Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final List<String> NUMBER_LIST =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /** The words a date expression can start with (a tokenizer vocabulary must hold them). */
    public static Set<String> starters() {
        return java.util.Collections.unmodifiableSet(STARTERS);
    }

    /** Finds and resolves the dates in a sentence. {@code anchor} is the main event's date for "two days after". */
    public List<DateMention> find(List<Token> tokens, LocalDate published, LocalDate anchor) {
        List<DateMention> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.lower();
            // one lookup rules out most tokens: only date words and counts can start a date expression
            if (!t.isNumber() && (!t.mayBeIn() || !STARTERS.contains(w))) {
                continue;
            }
            DayOfWeek day = WEEKDAYS.get(w);
            if (day != null && t.isCapitalized()) {
                LocalDate d = published.with(TemporalAdjusters.previousOrSame(day));
                int from = i;
                boolean last = i > 0 && tokens.get(i - 1).is("last");
                if (last && d.equals(published)) {
                    d = d.minusWeeks(1);
                }
                int to = i + 1;
                out.add(new DateMention(from, to, d, 0, roleOf(tokens, from, to)));
                continue;
            }
            Month month = MONTHS.get(w);
            if (month != null
                    && t.isCapitalized()
                    && !(w.equals("may") && !nextIsDay(tokens, i))
                    && !(w.equals("march") && !nextIsDay(tokens, i) && !prevIsDayOrIn(tokens, i))) {
                DateMention m = explicit(tokens, i, month, published);
                if (m != null) {
                    out.add(m);
                    i = m.to() - 1;
                }
                continue;
            }
            if (w.equals("overnight")) {
                // the night that ends on the day of publication: most of what happens "overnight" happens after
                // midnight ("killed overnight in an attack at around 3 am"), and the evening before is one day off
                out.add(new DateMention(i, i + 1, published, 1, DateMention.Role.EVENT));
                continue;
            }
            if (w.equals("last")
                    && i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("night") || tokens.get(i + 1).is("evening"))) {
                out.add(new DateMention(i, i + 2, published.minusDays(1), 1, DateMention.Role.EVENT));
                i++;
                continue;
            }
            // "claimed on Wednesday an attack that killed seven the previous evening": the day before the day the
            // sentence names (a statement's, usually), else the day before publication
            if (w.equals("previous")
                    && i > 0
                    && tokens.get(i - 1).is("the")
                    && i + 1 < tokens.size()
                    && PREVIOUS_PARTS.contains(tokens.get(i + 1).lower())) {
                LocalDate base =
                        out.isEmpty() ? published : out.get(out.size() - 1).date();
                out.add(new DateMention(i - 1, i + 2, base.minusDays(1), 0, DateMention.Role.EVENT));
                i++;
                continue;
            }
            // "over the weekend", "at the weekend", "this weekend": the latest Saturday and Sunday ("last weekend"
            // is a week back, below)
            if (w.equals("weekend") && i > 0 && !tokens.get(i - 1).is("last")) {
                LocalDate sunday = published.getDayOfWeek() == DayOfWeek.SATURDAY
                        ? published
                        : published.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                out.add(new DateMention(i, i + 1, sunday, 1, DateMention.Role.EVENT));
                continue;
            }
            if (w.equals("yesterday")) {
                out.add(new DateMention(i, i + 1, published.minusDays(1), 0, roleOf(tokens, i, i + 1)));
                continue;
            }
            if (w.equals("today")
                    || (w.equals("this")
                            && i + 1 < tokens.size()
                            && (tokens.get(i + 1).is("morning")
                                    || tokens.get(i + 1).is("afternoon")))) {
                out.add(new DateMention(i, i + 1, published, 0, roleOf(tokens, i, i + 1)));
                continue;
            }
            if (w.equals("last") && i + 1 < tokens.size()) {
                String n = tokens.get(i + 1).lower();
                if (n.equals("week") || n.equals("weekend")) {
                    out.add(new DateMention(i, i + 2, published.minusDays(7), 3, DateMention.Role.EVENT));
                    i++;
                    continue;
                }
                if (n.equals("month")) {
                    out.add(new DateMention(
                            i, i + 2, published.minusMonths(1).withDayOfMonth(15), 15, DateMention.Role.PAST));
                    i++;
                    continue;
                }
                if (n.equals("year")) {
                    out.add(new DateMention(
                            i,
                            i + 2,
                            published.minusYears(1).withMonth(7).withDayOfMonth(1),
                            183,
                            DateMention.Role.PAST));
                    i++;
                    continue;
                }
            }
            if (w.equals("earlier")
                    && i + 2 < tokens.size()
                    && tokens.get(i + 1).is("this")
                    && tokens.get(i + 2).is("week")) {
                out.add(new DateMention(i, i + 3, published.minusDays(3), 3, DateMention.Role.EVENT));
                i += 2;
                continue;
            }
            // "Days earlier, ...", "a few days before", "weeks ago": no count, so a span of days around the likely
            // gap (two to six days, one to three weeks); "days after" is left alone, since a lead's "has killed 24,
            // days after a vendetta began" dates the other event, not this one
            if ((w.equals("days") || w.equals("weeks")) && i + 1 < tokens.size()) {
                String rel = tokens.get(i + 1).lower();
                if (rel.equals("earlier") || rel.equals("before") || rel.equals("ago")) {
                    boolean weeks = w.equals("weeks");
                    LocalDate base = rel.equals("ago") ? published : anchor;
                    int from = i > 1
                                    && tokens.get(i - 1).is("few")
                                    && tokens.get(i - 2).is("a")
                            ? i - 2
                            : i > 0
                                            && (tokens.get(i - 1).is("few")
                                                    || tokens.get(i - 1).is("several"))
                                    ? i - 1
                                    : i;
                    out.add(new DateMention(
                            from, i + 2, base.minusDays(weeks ? 14 : 4), weeks ? 7 : 3, DateMention.Role.EVENT));
                    i++;
                    continue;
                }
            }
            // "two days after", "three days earlier", "a week ago"
            if (i + 2 < tokens.size()
                    && (tokens.get(i + 1).is("days")
                            || tokens.get(i + 1).is("day")
                            || tokens.get(i + 1).is("weeks")
                            || tokens.get(i + 1).is("week"))) {
                int n = count(t);
                String rel = tokens.get(i + 2).lower();
                if (n > 0
                        && (rel.equals("after")
                                || rel.equals("earlier")
                                || rel.equals("ago")
                                || rel.equals("before"))) {
                    int days = tokens.get(i + 1).lower().startsWith("week") ? 7 * n : n;
                    LocalDate base = rel.equals("ago") ? published : anchor;
                    out.add(new DateMention(i, i + 3, base.minusDays(days), 0, DateMention.Role.EVENT));
                    i += 2;
                }
            }
        }
        return out;
    }

    private static int count(Token t) {
        if (t.isNumber()) {
            try {
                return Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (t.is("a") || t.is("an")) {
            return 1;
        }
        return NUMBER_WORDS.contains(t.lower()) ? NUMBER_LIST.indexOf(t.lower()) : -1;
    }

    private static boolean nextIsDay(List<Token> tokens, int i) {
        return dayAfter(tokens, i) > 0;
    }

    /**
     * The token of the day after the month at {@code i}, or -1: "March 14", and "Jan. 10", "Sept. 3" (an abbreviated
     * month keeps its full stop as a token of its own).
     */
    private static int dayAfter(List<Token> tokens, int i) {
        int k = i + 1;
        String month = tokens.get(i).lower();
        boolean abbreviated =
                !month.equals("may") && !month.equals("june") && !month.equals("july") && month.length() <= 4;
        if (k < tokens.size() && tokens.get(k).is(".") && abbreviated) {
            k++;
        }
        return k < tokens.size()
                        && tokens.get(k).isNumber()
                        && tokens.get(k).text().length() <= 2
                ? k
                : -1;
    }

    private static boolean prevIsDayOrIn(List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        Token p = tokens.get(i - 1);
        return (p.isNumber() && p.text().length() <= 2)
                || p.is("in")
                || p.is("of")
                || p.is("since")
                || p.is("early")
                || p.is("late")
                || p.is("mid");
    }

    private DateMention explicit(List<Token> tokens, int i, Month month, LocalDate published) {
        int day = -1;
        int from = i;
        int to = i + 1;
        int dayToken = dayAfter(tokens, i);
        if (dayToken > 0) {
            day = Integer.parseInt(tokens.get(dayToken).text());
            to = dayToken + 1;
        } else if (i > 0
                && tokens.get(i - 1).isNumber()
                && tokens.get(i - 1).text().length() <= 2) {
            day = Integer.parseInt(tokens.get(i - 1).text());
            from = i - 1;
        }
        int year = -1;
        int y = to;
        if (y < tokens.size() && tokens.get(y).is(",")) {
            y++;
        }
        if (y < tokens.size()
                && tokens.get(y).isNumber()
                && tokens.get(y).text().length() == 4) {
            year = Integer.parseInt(tokens.get(y).text());
            to = y + 1;
        }
        int tolerance = 0;
        if (day < 1 || day > 31) {
            // a month alone: "in February", "towards the end of March", "in early March"
            String before = from > 0 ? tokens.get(from - 1).lower() : "";
            String before2 = from > 1 ? tokens.get(from - 2).lower() : "";
            if (before.equals("of")
                    && (before2.equals("end") || before2.equals("beginning") || before2.equals("start"))) {
                day = before2.equals("end") ? 25 : 5;
                tolerance = 7;
            } else if (before.equals("early")) {
                day = 7;
                tolerance = 7;
            } else if (before.equals("late")) {
                day = 24;
                tolerance = 7;
            } else {
                day = 15;
                tolerance = 15;
            }
        }
        LocalDate d;
        try {
            int yy = year > 0 ? year : published.getYear();
            d = LocalDate.of(yy, month, Math.min(day, month.length(yy % 4 == 0)));
            if (year < 0 && d.isAfter(published)) {
                d = d.minusYears(1);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        DateMention.Role role = roleOf(tokens, from, to);
        if (year > 0
                && year < published.getYear() - 0
                && role == DateMention.Role.EVENT
                && d.isBefore(published.minusDays(60))) {
            role = DateMention.Role.PAST;
        }
        if (role != DateMention.Role.REPORTING && role != DateMention.Role.PERIOD && inRelativeClause(tokens, from)) {
            role = DateMention.Role.RECALLED;
        }
        return new DateMention(from, to, d, tolerance, role);
    }

    /**
     * Whether the date at {@code from} stands in a relative clause set off by a comma ("..., whose capture of the town
     * in March set off a crisis", "..., which the army lost in May"): such a clause recalls an earlier event to
     * explain a name, it does not date the event the sentence tells.
     */
    private static boolean inRelativeClause(List<Token> tokens, int from) {
        for (int k = from - 1; k >= 1 && k >= from - 12; k--) {
            Token t = tokens.get(k);
            if (t.isPunct()) {
                return false;
            }
            if ((t.is("whose") || t.is("which")) && tokens.get(k - 1).is(",")) {
                return true;
            }
        }
        return false;
    }

    /** Reporting dates follow a speech verb ("said on Wednesday"); period dates follow "since"/"between". */
    private static DateMention.Role roleOf(List<Token> tokens, int from, int to) {
        if (from >= 1
                && tokens.get(from - 1).is("the")
                && to < tokens.size()
                && EVENT_NOUNS.contains(tokens.get(to).lower())) {
            return DateMention.Role.EVENT;
        }
        int b = from - 1;
        if (b >= 0 && tokens.get(b).is("on")) {
            b--;
        }
        while (b >= 0 && (tokens.get(b).is("late") || tokens.get(b).is("early"))) {
            b--;
        }
        // "said in the early hours of Tuesday that ...": the hours of a day are still the day of the statement
        if (b >= 3
                && tokens.get(b).is("of")
                && tokens.get(b - 1).is("hours")
                && tokens.get(b - 2).is("early")
                && tokens.get(b - 3).is("the")) {
            b -= 4;
            if (b >= 0 && tokens.get(b).is("in")) {
                b--;
            }
        }
        // "claimed responsibility on Wednesday", "blamed each other on Wednesday": the verb's object between
        if (b > 0 && tokens.get(b).is("responsibility")) {
            b--;
        } else if (b > 1 && tokens.get(b).is("other") && tokens.get(b - 1).is("each")
                || b > 1 && tokens.get(b).is("another") && tokens.get(b - 1).is("one")) {
            b -= 2;
        }
        if (b >= 0 && SPEECH.contains(tokens.get(b).lower())) {
            return DateMention.Role.REPORTING;
        }
        // "the examinations scheduled for Thursday", "a rally planned for Sunday", "talks due on Monday": a day
        // something was planned for, not the day of an event
        if (b >= 0 && PLANNED.contains(tokens.get(b).lower())
                || b >= 1
                        && tokens.get(b).is("for")
                        && PLANNED.contains(tokens.get(b - 1).lower())) {
            return DateMention.Role.REPORTING;
        }
        // "The protests are due to culminate on Tuesday", "expected to resume on Monday": the verb of the plan between
        for (int k = b; k >= 1 && k >= b - 3; k--) {
            if (tokens.get(k).isPunct()) {
                break;
            }
            if (tokens.get(k).is("to") && PLANNED.contains(tokens.get(k - 1).lower())) {
                return DateMention.Role.REPORTING;
            }
        }
        // "By Friday morning the capital was calm": the state of things at a day, not the day of an event
        if (from >= 1 && tokens.get(from - 1).is("by")) {
            return DateMention.Role.REPORTING;
        }
        // "The Islamic State group on Thursday claimed ...", "police on Friday said ...": the verb after the date
        if (to < tokens.size() && SPEECH.contains(tokens.get(to).lower())) {
            return DateMention.Role.REPORTING;
        }
        // "the death toll ... rose to 81 on Monday": the day a toll was updated, not the day of the event
        for (int k = from - 1; k >= 0 && k >= from - 6; k--) {
            if (TOLL_UPDATES.contains(tokens.get(k).lower())) {
                return DateMention.Role.REPORTING;
            }
            if (tokens.get(k).isPunct()) {
                break;
            }
        }
        // "the governor put the toll slightly lower on Monday afternoon": the day a toll was given or revised
        for (int k = from - 1; k >= 0 && k >= from - 8; k--) {
            if (tokens.get(k).isPunct()) {
                break;
            }
            if (tokens.get(k).is("toll")) {
                for (int v = k - 1; v >= 0 && v >= k - 3; v--) {
                    if (TOLL_STATEMENTS.contains(tokens.get(v).lower())) {
                        return DateMention.Role.REPORTING;
                    }
                }
            }
        }
        boolean possessive =
                to < tokens.size() && (tokens.get(to).is("'s") || tokens.get(to).is("\u2019s"));
        for (int k = from - 1; k >= 0 && k >= from - 3 && !possessive; k--) {
            // ("the toll from Monday's strike": a day that owns its event is the event's day, never a period)
            String w = tokens.get(k).lower();
            if (w.equals("since") || w.equals("between") || w.equals("from") || w.equals("until") || w.equals("till")) {
                return DateMention.Role.PERIOD;
            }
            if (tokens.get(k).isPunct()) {
                break;
            }
        }
        // "a police report seen by AFP on Thursday", "documents obtained by Reuters on Monday": the day a document
        // was read, not the day of the event
        for (int k = from - 2; k >= 1 && k >= from - 5; k--) {
            if (tokens.get(k).is("by")
                    && DOCUMENT_READ.contains(tokens.get(k - 1).lower())) {
                return DateMention.Role.REPORTING;
            }
            if (tokens.get(k).isPunct()) {
                break;
            }
        }
        // "... told Reuters on Tuesday", "said in a statement on Friday", "in a statement read on state television
        // late Wednesday" (a statement's own words reach a little further)
        for (int k = from - 1; k >= 0 && k >= from - 7; k--) {
            String w = tokens.get(k).lower();
            if (w.equals("told") && k >= from - 5 || w.equals("statement")) {
                return DateMention.Role.REPORTING;
            }
            if (tokens.get(k).isPunct()) {
                break;
            }
        }
        if (to < tokens.size()
                && tokens.get(to).is("that")
                && b >= 0
                && SPEECH.contains(tokens.get(b).lower())) {
            return DateMention.Role.REPORTING;
        }
        return DateMention.Role.EVENT;
    }
}
