package org.wirewatch.extract.geo;

import static org.wirewatch.extract.geo.Gazetteer.COUNTRY;
import static org.wirewatch.extract.geo.Gazetteer.DEMONYM;

import java.util.Map;
import org.wirewatch.extract.lexicon.Tokens;

/**
 * Places a cue pattern introduces, for one {@link Gazetteer#find} call (it writes the call's {@code Context}).
 *
 * Cue patterns that introduce a place: "the (town|village|...) of X [in|of Y]", "X, a (town|...) in Y",
 * "X (district|village|...) [of|in Y]". X is a run of capitalised words (with glued articles such as
 * "al-"); Y is the next gazetteer mention within the clause and gives X its country and region.
 */
final class CuePlaces {

    private static final long SUB = Tokens.wordHash("sub");
    private static final long FROM = Tokens.wordHash("from");
    private static final long ON = Tokens.wordHash("on");
    private static final long EDGE = Tokens.wordHash("edge");
    private static final long OUTSKIRTS = Tokens.wordHash("outskirts");
    private static final long AND = Tokens.wordHash("and");
    private static final java.util.regex.Pattern DISTANCE = java.util.regex.Pattern.compile(
            "\\d*(?:km|kms|kilometres|kilometers|miles|mi)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Gazetteer g;
    private final Gazetteer.Context ctx;
    private final Tokens t;

    CuePlaces(Gazetteer g, Gazetteer.Context ctx) {
        this.g = g;
        this.ctx = ctx;
        this.t = ctx.t;
    }

    void scan() {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            long h = t.hash(i);
            if (g.words.isSeat(h) && !t.is(i, Tokens.CAPITALIZED)) {
                seatApposition(i);
            }
            if (g.words.isPlaceType(h) && !t.is(i, Tokens.CAPITALIZED)) {
                // "the village of X ..."
                if (i + 2 < n && g.words.isOf(t.hash(i + 1)) && t.joined(i + 1) && t.joined(i + 2)) {
                    int xEnd = nameRun(i + 2);
                    if (xEnd > i + 2) {
                        place(i + 2, xEnd, regionAfter(xEnd));
                    }
                }
                // "X district of Y", "Hajin town", "Kalma sub-district"
                int typeStart = i > 1 && t.is(i, Tokens.HYPHENATED) && t.hash(i - 1) == SUB ? i - 1 : i;
                if (typeStart > 1
                        && g.words.isSiteModifier(t.hash(typeStart - 1))
                        && !t.is(typeStart - 1, Tokens.CAPITALIZED)
                        && t.joined(typeStart - 1)) {
                    typeStart--; // "the Kakuma refugee camp", "the Kihondo identification camp"
                }
                if (typeStart > 0 && t.joined(typeStart)) {
                    int xStart = nameRunBackwards(typeStart);
                    if (xStart < typeStart) {
                        int y = regionAfter(i + 1);
                        place(xStart, typeStart, y);
                    }
                }
            } else if (g.words.isRegionPreposition(h) && i > 1 && commaBefore(i)) {
                // "a school in Kuriga, in the Chikun local government area of Kaduna State", "Liboi, in
                // Garissa county": a name that an apposition places inside a district or region
                int type = typeWithin(i + 1);
                int xStart = type > 0 ? nameRunBackwards(i) : i;
                if (xStart < i && xStart > 0 && g.words.isPlaceLead(t.hash(xStart - 1))) {
                    // "in Garissa county": the region is inside the apposition, and what follows the type
                    // word ("in Bam province in the North Central region") is a wider frame
                    int y = g.words.isAdminType(t.hash(type)) ? regionAfter(i + 1) : regionAfter(type + 1);
                    if (y < 0 && !g.words.isAdminType(t.hash(type))) {
                        // "X, in the northern Y countryside": the region Y names the area itself
                        int inner = regionAfter(i);
                        y = inner >= 0 && ctx.raws.get(inner).to() <= type ? inner : -1;
                    }
                    if (y >= 0
                            && g.words.isAdminType(t.hash(type))
                            && ctx.raws.get(y).from() >= type) {
                        y = -1;
                    }
                    place(xStart, i, y);
                }
            } else if (g.words.isRegionPreposition(h) && i > 1 && t.joined(i)) {
                // "shells hit areas of Nyanzale in North Kivu province", "attacked a patrol at Kaduro in the Lake
                // Fitri area": without a comma, only a region or area named with its type word places the name
                // before it, and only a name no gazetteer holds
                int type = typeWithin(i + 1);
                int xStart = nameRunBackwards(i);
                if (type > 0
                        && xStart < i
                        && xStart > 0
                        && ctx.rawAtToken[xStart] < 0
                        && !g.words.isStopPlace(t.hash(xStart))
                        && g.words.isPlaceLead(t.hash(xStart - 1))) {
                    int y = regionAfter(i);
                    if (y >= 0 && ctx.raws.get(y).from() < type) {
                        place(xStart, i, y);
                    }
                }
            } else if (h == ON && i > 1 && commaBefore(i) && edgeOf(i + 1) > 0) {
                // "in Nkwen, on the edge of Bamenda", "Hilowle Gaab, on the outskirts of the town of Runirgod": a
                // name the apposition puts at the edge of a known town lies in that town's region
                int xStart = nameRunBackwards(i);
                if (xStart < i && ctx.rawAtToken[xStart] < 0) {
                    place(xStart, i, regionAfter(edgeOf(i + 1)));
                }
            } else if (g.words.isDweller(h)
                    && !t.is(i, Tokens.CAPITALIZED)
                    && i + 2 < n
                    && g.words.isOf(t.hash(i + 1))
                    && t.joined(i + 2)) {
                // "a resident of Kalaw", "villagers of Tilia said": where they live
                int xEnd = nameRun(i + 2);
                if (xEnd > i + 2) {
                    place(i + 2, xEnd, regionAfter(xEnd));
                }
            } else if (g.words.isRoute(h) && i + 2 < n && g.words.isBetween(t.hash(i + 1)) && t.joined(i + 2)) {
                // "on the road between Malelei and Kulan": the first town named
                int xEnd = nameRun(i + 2);
                if (xEnd > i + 2) {
                    place(i + 2, xEnd, regionAfter(xEnd));
                }
            } else if ((g.words.isA(h)) && i > 0 && commaBefore(i)) {
                // "X, a town some 30 km south-west of Y"
                int type = -1;
                for (int k = i + 1; k < Math.min(n, i + 5); k++) {
                    if (!t.joined(k)) {
                        break;
                    }
                    if (g.words.isPlaceType(t.hash(k))) {
                        type = k;
                        break;
                    }
                }
                if (type > 0) {
                    int xStart = nameRunBackwards(i);
                    if (xStart < i) {
                        place(xStart, i, regionAfter(type + 1));
                    }
                }
            }
        }
    }

    /**
     * "the provincial capital, Mehtarlam.", "the state capital Maiduguri", "Mehtarlam, the capital of the province":
     * an apposition that names the seat of a region is a town, in the region named after it or else the one the
     * text names. With a comma before the name, the name must close the apposition ("In the capital, Interior
     * Ministry spokesman ..." names no town).
     */
    private void seatApposition(int i) {
        int n = t.size();
        if (i + 1 < n && t.is(i + 1, Tokens.CAPITALIZED) && !t.is(i + 1, Tokens.SENTENCE_START)) {
            boolean comma = commaBefore(i + 1);
            if (comma || t.joined(i + 1)) {
                int xEnd = nameRun(i + 1);
                if (xEnd > i + 1 && (!comma || xEnd >= n || !t.joined(xEnd))) {
                    place(i + 1, xEnd, regionAfter(xEnd));
                    return;
                }
            }
        }
        // "X, the capital": back over lower-case modifiers to the article the comma precedes
        for (int j = i; j > 1 && i - j < 4; j--) {
            if (!t.joined(j) || t.is(j - 1, Tokens.CAPITALIZED) && j - 1 != i) {
                return;
            }
            long a = t.hash(j - 1);
            if ((g.words.isThe(a) || g.words.isA(a)) && j - 1 > 0 && commaBefore(j - 1)) {
                int xStart = nameRunBackwards(j - 1);
                if (xStart < j - 1) {
                    place(xStart, j - 1, regionAfter(i + 1));
                }
                return;
            }
        }
    }

    /** After "the edge of" / "the outskirts of" starting at {@code k}: the index after "of", else -1. */
    private int edgeOf(int k) {
        if (k + 2 < t.size()
                && g.words.isThe(t.hash(k))
                && (t.hash(k + 1) == EDGE || t.hash(k + 1) == OUTSKIRTS)
                && g.words.isOf(t.hash(k + 2))) {
            return k + 3;
        }
        return -1;
    }

    /** The first district or region word among the next few tokens of the same clause, or -1. */
    private int typeWithin(int from) {
        for (int k = from; k < Math.min(t.size(), from + 7); k++) {
            if (!t.joined(k)) {
                return -1;
            }
            if (g.words.isPlaceType(t.hash(k)) || g.words.isAdminType(t.hash(k))) {
                return k;
            }
        }
        return -1;
    }

    private boolean commaBefore(int i) {
        CharSequence s = t.text();
        int a = t.end(i - 1);
        int b = t.start(i);
        return b - a <= 3 && s.subSequence(a, b).toString().indexOf(',') >= 0;
    }

    /** End (exclusive) of a run of name tokens starting at {@code from}, or {@code from}. */
    private int nameRun(int from) {
        int k = from;
        int n = t.size();
        while (k < n && k - from < 5 && (k == from || t.joined(k))) {
            boolean cap = t.is(k, Tokens.CAPITALIZED);
            boolean article = !cap
                    && g.words.isArticle(t.hash(k))
                    && k + 1 < n
                    && t.joined(k + 1)
                    && t.is(k + 1, Tokens.CAPITALIZED);
            if (!cap && !article) {
                break;
            }
            if (cap && k == from && g.words.isNameStop(t.hash(k))) {
                return from;
            }
            k++;
        }
        while (k > from && !t.is(k - 1, Tokens.CAPITALIZED)) {
            k--;
        }
        return k;
    }

    /** Start of a run of name tokens ending just before {@code end}, or {@code end}. */
    private int nameRunBackwards(int end) {
        int k = end;
        while (k > 0 && end - k < 5) {
            int p = k - 1;
            if (p < end - 1 && !t.joined(p + 1)) {
                break;
            }
            boolean cap = t.is(p, Tokens.CAPITALIZED);
            boolean article = !cap && g.words.isArticle(t.hash(p)) && k < end && t.is(k, Tokens.HYPHENATED);
            if (!cap && !article) {
                break;
            }
            k = p;
        }
        while (k < end
                && (!t.is(k, Tokens.CAPITALIZED)
                        || g.words.isNameStop(t.hash(k))
                        || g.words.isGeoModifier(t.hash(k)))) {
            k++;
        }
        return k;
    }

    /** Index of the raw match of the region after a cue place, or -1. */
    private int regionAfter(int from) {
        int n = t.size();
        int k = from;
        int steps = 0;
        while (k < n && steps < 10) {
            if (k > from && !t.joined(k) && sentenceBreakBefore(k)) {
                return -1;
            }
            if (t.hash(k) == AND) {
                // "the capital, X, and the southern cities of Y": "and" opens another place, not X's region
                return -1;
            }
            int r = ctx.rawAtToken[k];
            if (r >= 0 && ctx.raws.get(r).from() == k) {
                if (!introducesRegion(from, k)) {
                    return -1;
                }
                // "in Afghanistan's Badakhshan province": the region after the country is more precise.
                if (r + 1 < ctx.raws.size()
                        && isCountryOrDemonymOnly(ctx.raws.get(r))
                        && ctx.raws.get(r + 1).from() == ctx.raws.get(r).to()
                        && t.joined(ctx.raws.get(r + 1).from())) {
                    return r + 1;
                }
                // "Nigeria's northwestern state of Kaduna", "Mali's central region of Mopti"
                if (r + 1 < ctx.raws.size()
                        && isCountryOrDemonymOnly(ctx.raws.get(r))
                        && regionPhraseBetween(
                                ctx.raws.get(r).to(), ctx.raws.get(r + 1).from())) {
                    return r + 1;
                }
                return r;
            }
            if (t.is(k, Tokens.CAPITALIZED)
                    && !g.words.isGeoModifier(t.hash(k))
                    && steps > 0
                    && !t.is(k, Tokens.SENTENCE_START)) {
                return -1;
            }
            k++;
            steps++;
        }
        return -1;
    }

    /** Only direction g.words, region types and "of" lie between a country and its region. */
    private boolean regionPhraseBetween(int from, int to) {
        if (to <= from || to - from > 4) {
            return false;
        }
        boolean type = false;
        for (int k = from; k < to; k++) {
            long h = t.hash(k);
            if (!t.joined(k)) {
                return false;
            }
            type |= g.words.isAdminType(h);
            if (!(g.words.isGeoModifier(h) || g.words.isAdminType(h) || g.words.isOf(h) || g.words.isThe(h))) {
                return false;
            }
        }
        return type || t.is(to, Tokens.CAPITALIZED);
    }

    /** Y must follow "in", "of", "near", "outside" or a comma (skipping "the" and modifiers). */
    private boolean introducesRegion(int from, int y) {
        for (int k = y - 1; k >= from; k--) {
            long h = t.hash(k);
            if (g.words.isOf(h) || g.words.isRegionPreposition(h)) {
                return true;
            }
            if (h == FROM && k > from && afterDistance(k)) {
                return true; // "X, a border village about 30km from Y": X lies in Y's region
            }
            if (!(g.words.isThe(h) || g.words.isGeoModifier(h) || t.is(k, Tokens.CAPITALIZED))) {
                return false;
            }
        }
        CharSequence s = t.text();
        int a = from > 0 ? t.end(from - 1) : 0;
        return s.subSequence(a, t.start(from)).toString().indexOf(',') >= 0;
    }

    /** The token before {@code k} ends a distance: "30km", "30 km", "12 miles". */
    private boolean afterDistance(int k) {
        return DISTANCE.matcher(t.surface(k - 1, k)).matches();
    }

    private boolean sentenceBreakBefore(int k) {
        if (t.is(k, Tokens.SENTENCE_START)) {
            return true;
        }
        CharSequence s = t.text();
        for (int c = t.end(k - 1); c < t.start(k); c++) {
            char ch = s.charAt(c);
            if (ch == ';' || ch == '(' || ch == ')') {
                return true;
            }
        }
        return false;
    }

    private void place(int xFrom, int xTo, int yRaw) {
        if (xTo - xFrom > 1 && g.words.isFacility(t.hash(xTo - 1))) {
            return; // "at Kicwamba Technical Institute in Kabarole district": a facility, not a town
        }
        GeoMention y = yRaw >= 0 ? ctx.resolved(yRaw) : null;
        if (y != null && y.kind() == GeoKind.DEMONYM) {
            y = new GeoMention(
                    y.start(), y.end(), y.surface(), GeoKind.COUNTRY, y.countryCode(), null, y.name(), null, null, 0);
        }
        if (y != null && foreignNamesake(y)) {
            y = null; // "near the town of Bule": not a Swiss Bulle when the text is about Congo
        }
        int yCountry = y == null || y.countryCode() == null ? -1 : g.countryIndex(y.countryCode());
        int yAdmin = y == null || y.admin1Code() == null ? -1 : g.admin1Index(y.admin1Code());
        // X is itself a gazetteer match: let it resolve with the cue and Y as preferences.
        int r = ctx.rawAtToken[xFrom];
        if (r >= 0 && ctx.raws.get(r).from() == xFrom && ctx.raws.get(r).to() == xTo) {
            if (isCountryOrDemonymOnly(ctx.raws.get(r))) {
                return;
            }
            ctx.cue[r] = true;
            ctx.preferAdmin1[r] = yAdmin;
            ctx.preferCountry[r] = yCountry;
            ctx.done[r] = false;
            GeoMention m = ctx.resolved(r);
            boolean consistent = m != null
                    && (y == null
                            || m.kind() != GeoKind.PLACE
                            || (y.countryCode() == null || y.countryCode().equals(m.countryCode()))
                                    && (y.admin1Code() == null || y.admin1Code().equals(m.admin1Code())));
            // "Kohistan district" in a story about Badakhshan is not the Kohistan of another province.
            if (consistent
                    && (y == null || y.admin1Code() == null)
                    && m.kind() == GeoKind.PLACE
                    && m.admin1Code() != null
                    && m.population() < g.BIG_PLACE
                    && regionsNamedIn(m.countryCode())
                    && !ctx.admin1s.contains(g.admin1Index(m.admin1Code()))) {
                consistent = false;
            }
            // "the town of Bule" in a Congo story is not Bulle in Switzerland: a small namesake abroad.
            if (consistent && foreignNamesake(m)) {
                consistent = false;
            }
            if (consistent) {
                return;
            }
            ctx.suppressed[r] = true;
            ctx.done[r] = false;
        }
        for (int k = xFrom; k < xTo; k++) {
            int inner = ctx.rawAtToken[k];
            if (inner >= 0) {
                Gazetteer.Raw ir = ctx.raws.get(inner);
                if (ir.from() < xFrom || ir.to() > xTo || isCountryOrDemonymOnly(ir)) {
                    return;
                }
            }
        }
        for (int k = xFrom; k < xTo; k++) {
            int inner = ctx.rawAtToken[k];
            if (inner >= 0) {
                ctx.suppressed[inner] = true;
                ctx.done[inner] = false;
            }
        }
        String surface = t.surface(xFrom, xTo);
        String cc = y == null ? dominantCountry() : y.countryCode();
        String admin = y == null ? null : y.admin1Code();
        GeoMention cuePlace = new GeoMention(
                t.start(xFrom), t.end(xTo - 1), surface, GeoKind.PLACE, cc, admin, surface, null, null, 0);
        ctx.cuePlaces.add(cuePlace);
        if (r >= 0 && ctx.raws.get(r).from() == xFrom && ctx.raws.get(r).to() == xTo) {
            ctx.cueByPhrase.put(t.phraseHash(xFrom, xTo), cuePlace);
        } else if (ctx.rawAtToken[xFrom] < 0) {
            ctx.cueSpans.put(cuePlace, new int[] {xFrom, xTo});
        }
    }

    /** A small gazetteer place in none of the countries the text g.names. */
    private boolean foreignNamesake(GeoMention m) {
        return m.kind() == GeoKind.PLACE
                && m.countryCode() != null
                && m.population() < g.BIG_PLACE
                && !ctx.countries.isEmpty()
                && !ctx.countries.contains(g.countryIndex(m.countryCode()));
    }

    /** The country the text is mostly about: at least twice the weight of any other. */
    private String dominantCountry() {
        int best = -1;
        int bestW = 0;
        int second = 0;
        for (Map.Entry<Integer, Integer> e : ctx.weight.entrySet()) {
            if (e.getValue() > bestW) {
                second = bestW;
                bestW = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return best >= 0 && bestW >= 2 * second ? g.countryCodes[best] : null;
    }

    private boolean regionsNamedIn(String country) {
        for (int a : ctx.admin1s) {
            if (a >= 0 && g.admin1Codes[a].startsWith(country + "-")) {
                return true;
            }
        }
        return false;
    }

    private boolean isCountryOrDemonymOnly(Gazetteer.Raw raw) {
        for (int c = raw.cursor(); c >= 0; c = g.index.nextValue(c)) {
            byte k = g.kinds[g.index.value(c) >>> 1];
            if (k != COUNTRY && k != DEMONYM) {
                return false;
            }
        }
        return true;
    }
}
