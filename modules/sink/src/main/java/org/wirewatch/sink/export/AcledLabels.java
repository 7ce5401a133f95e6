package org.wirewatch.sink.export;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.SubEventType;

/** ACLED's human-readable labels (codebook spelling), so existing scripts that filter on them keep working. */
public final class AcledLabels {

    private static final Map<EventType, String> EVENT_TYPES = new EnumMap<>(Map.of(
            EventType.BATTLES, "Battles",
            EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Explosions/Remote violence",
            EventType.VIOLENCE_AGAINST_CIVILIANS, "Violence against civilians",
            EventType.PROTESTS, "Protests",
            EventType.RIOTS, "Riots",
            EventType.STRATEGIC_DEVELOPMENTS, "Strategic developments"));

    private static final Map<SubEventType, String> SUB_EVENT_TYPES = new EnumMap<>(SubEventType.class);

    static {
        SUB_EVENT_TYPES.put(SubEventType.ARMED_CLASH, "Armed clash");
        SUB_EVENT_TYPES.put(SubEventType.GOVERNMENT_REGAINS_TERRITORY, "Government regains territory");
        SUB_EVENT_TYPES.put(SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "Non-state actor overtakes territory");
        SUB_EVENT_TYPES.put(SubEventType.CHEMICAL_WEAPON, "Chemical weapon");
        SUB_EVENT_TYPES.put(SubEventType.AIR_DRONE_STRIKE, "Air/drone strike");
        SUB_EVENT_TYPES.put(SubEventType.SUICIDE_BOMB, "Suicide bomb");
        SUB_EVENT_TYPES.put(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK, "Shelling/artillery/missile attack");
        SUB_EVENT_TYPES.put(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, "Remote explosive/landmine/IED");
        SUB_EVENT_TYPES.put(SubEventType.GRENADE, "Grenade");
        SUB_EVENT_TYPES.put(SubEventType.SEXUAL_VIOLENCE, "Sexual violence");
        SUB_EVENT_TYPES.put(SubEventType.ATTACK, "Attack");
        SUB_EVENT_TYPES.put(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, "Abduction/forced disappearance");
        SUB_EVENT_TYPES.put(SubEventType.PEACEFUL_PROTEST, "Peaceful protest");
        SUB_EVENT_TYPES.put(SubEventType.PROTEST_WITH_INTERVENTION, "Protest with intervention");
        SUB_EVENT_TYPES.put(SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "Excessive force against protesters");
        SUB_EVENT_TYPES.put(SubEventType.VIOLENT_DEMONSTRATION, "Violent demonstration");
        SUB_EVENT_TYPES.put(SubEventType.MOB_VIOLENCE, "Mob violence");
        SUB_EVENT_TYPES.put(SubEventType.AGREEMENT, "Agreement");
        SUB_EVENT_TYPES.put(SubEventType.ARREST, "Arrests");
        SUB_EVENT_TYPES.put(SubEventType.CHANGE_TO_GROUP_ACTIVITY, "Change to group/activity");
        SUB_EVENT_TYPES.put(SubEventType.DISRUPTED_WEAPONS_USE, "Disrupted weapons use");
        SUB_EVENT_TYPES.put(SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED, "Headquarters or base established");
        SUB_EVENT_TYPES.put(SubEventType.LOOTING_PROPERTY_DESTRUCTION, "Looting/property destruction");
        SUB_EVENT_TYPES.put(SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, "Non-violent transfer of territory");
        SUB_EVENT_TYPES.put(SubEventType.OTHER, "Other");
    }

    private AcledLabels() {}

    public static String eventType(final EventType t) {
        return EVENT_TYPES.get(t);
    }

    public static String subEventType(final SubEventType t) {
        return SUB_EVENT_TYPES.get(t);
    }

    /**
     * ACLED's geo_precision: 1 when a particular place is known with coordinates; 2 when a place is named but only
     * its surrounding region can be located (ACLED: "a part of a region ... the nearest town is used"); 3 when only a
     * region or the country is known.
     */
    public static Integer geoPrecision(final GeoPrecision p, final boolean hasCoordinates) {
        if (p == null) {
            return null;
        }
        return switch (p) {
            case PLACE -> hasCoordinates ? 1 : 2;
            case ADMIN1, COUNTRY -> 3;
        };
    }

    /** English country name of an ISO 3166-1 alpha-2 code, as ACLED's country column writes it. */
    public static String countryName(final String iso2) {
        if (iso2 == null || iso2.isBlank()) {
            return null;
        }
        final String name = new Locale("", iso2.trim().toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? iso2 : name;
    }
}
