package org.wirewatch.extract.geo;

/** What a {@link GeoMention} names. */
public enum GeoKind {
    /** A country name or short form ("Syria", "DR Congo", "the US"). */
    COUNTRY,
    /** A first-level region (ISO 3166-2): "Deir Ezzor province", "Borno state", "Donetsk region". */
    ADMIN1,
    /**
     * A populated place from GeoNames, a place introduced by a cue ("the village of X in Y"), or a second-level
     * division named where a town would be ("in X local government area"; {@link GeoMention#division()}).
     */
    PLACE,
    /** A nationality adjective or noun ("Syrian", "Afghans"): a hint at a country, not a location. */
    DEMONYM
}
