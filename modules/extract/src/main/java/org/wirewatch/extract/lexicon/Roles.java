package org.wirewatch.extract.lexicon;

import java.util.HashMap;
import java.util.Map;

/** Canonical names of generic parties by country, from {@code roles.tsv}. */
final class Roles {

    private final Map<String, Map<String, String>> byRole = new HashMap<>();
    private final CountryWords countries;

    Roles(CountryWords countries) {
        this.countries = countries;
        for (String[] row : TsvResource.rows(Roles.class, "roles.tsv")) {
            byRole.computeIfAbsent(row[0], r -> new HashMap<>()).put(row[1], row[2]);
        }
    }

    boolean known(String role) {
        return byRole.containsKey(role);
    }

    /** Canonical name of {@code role} in {@code country}; null country gives the role's generic name. */
    String canonical(String role, String country, String fallback) {
        Map<String, String> m = byRole.get(role);
        if (m == null) {
            return fallback;
        }
        if (country == null) {
            return fallback;
        }
        String specific = m.get(country);
        if (specific != null) {
            return specific;
        }
        String template = m.get("*");
        return template == null ? fallback : template.replace("{adj}", countries.adjective(country));
    }
}
