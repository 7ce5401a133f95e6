package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.mention;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.streams.Fixtures;

class MentionCompatibilityTest {

    private final IncidentMention strike = mention("a#1").build();

    @Test
    void shouldMatchWhenAnotherAgencyDescribesSameStrike() {
        assertThat(MentionCompatibility.score(strike, "a", mention("b#1").build(), "b"))
                .isPresent();
    }

    @Test
    void shouldNotMatchWhenBothMentionsComeFromOneStory() {
        assertThat(MentionCompatibility.score(strike, "a", mention("a#2").build(), "a"))
                .isEmpty();
    }

    @Test
    void shouldNotMatchWhenCountriesDiffer() {
        assertThat(MentionCompatibility.score(
                        strike, "a", mention("b#1").where("IQ", null, null).build(), "b"))
                .isEmpty();
    }

    @Test
    void shouldMatchWhenOneSideOmitsRegionOrPlace() {
        assertThat(MentionCompatibility.score(
                        strike, "a", mention("b#1").where("SY", null, null).build(), "b"))
                .isPresent();
    }

    @Test
    void shouldMatchWhenPlaceSpellingContainsTheOther() {
        assertThat(MentionCompatibility.score(
                        strike,
                        "a",
                        mention("b#1").where("SY", "SY-DY", "Abu Husn village").build(),
                        "b"))
                .isPresent();
    }

    @Test
    void shouldNotMatchWhenLocatedPlacesAreFarApart() {
        final IncidentMention located = mention("a#1").at(34.44, 40.92).build();
        assertThat(MentionCompatibility.score(
                        located,
                        "a",
                        mention("b#1")
                                .where("SY", "SY-DY", "Hajin")
                                .at(34.69, 40.45)
                                .build(),
                        "b"))
                .isEmpty();
    }

    @Test
    void shouldMatchWhenOneReportNamesTheCityAndAnotherASquareInIt() {
        final IncidentMention square =
                mention("a#1").where("PK", "PK-BA", "Bacha Khan Chowk").build();
        assertThat(MentionCompatibility.score(
                        square,
                        "a",
                        mention("b#1").where("PK", "PK-BA", "Quetta").build(),
                        "b"))
                .isPresent();
    }

    @Test
    void shouldNotBridgeTwoPlaceNamesWhenDaysOrKindsDiffer() {
        assertThat(MentionCompatibility.score(
                        strike,
                        "a",
                        mention("b#1")
                                .where("SY", "SY-DY", "Hajin")
                                .date(DAY.plusDays(1))
                                .build(),
                        "b"))
                .isEmpty();
    }

    @Test
    void shouldNotTakeARegionNamedAsThePlaceForAnotherTown() {
        assertThat(MentionCompatibility.score(
                        mention("a#1").regionOnly().build(),
                        "a",
                        mention("b#1")
                                .where("SY", "SY-DY", "Hajin")
                                .date(DAY.plusDays(1))
                                .build(),
                        "b"))
                .isPresent();
    }

    @Test
    void shouldAllowOneDayPlusToleranceWhenDatesDiffer() {
        assertThat(MentionCompatibility.score(
                        strike, "a", mention("b#1").date(DAY.plusDays(1)).build(), "b"))
                .isPresent();
        assertThat(MentionCompatibility.score(
                        strike, "a", mention("b#1").date(DAY.plusDays(2)).build(), "b"))
                .isEmpty();
    }

    @Test
    void shouldAcceptOtherSubtypeOfSameEventTypeWhenAgenciesLabelDifferently() {
        final IncidentMention shelling = mention("b#1")
                .type(EventType.EXPLOSIONS_REMOTE_VIOLENCE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK)
                .build();
        final IncidentMention clash = mention("c#1")
                .type(EventType.BATTLES, SubEventType.ARMED_CLASH)
                .killed(12)
                .build();
        assertThat(MentionCompatibility.score(strike, "a", shelling, "b")).isPresent();
        assertThat(MentionCompatibility.score(strike, "a", clash, "c")).isEmpty();
    }

    @Test
    void shouldBridgeTwoUnlocatedVillagesAndTwoLabelsWhenRegionDayAndTollAgree() {
        final IncidentMention raid = mention("a#1")
                .where("ML", "ML-5", "Sofara hamlet")
                .type(EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)
                .killed(11)
                .build();
        final IncidentMention firefight = firefightAtTheNextHamlet().killed(11).build();
        assertThat(MentionCompatibility.score(raid, "a", firefight, "b")).isPresent();
        // another toll, another day or a small toll proves nothing
        assertThat(MentionCompatibility.score(
                        raid, "a", firefightAtTheNextHamlet().killed(10).build(), "b"))
                .isEmpty();
        assertThat(MentionCompatibility.score(
                        raid,
                        "a",
                        firefightAtTheNextHamlet()
                                .killed(11)
                                .date(DAY.plusDays(1))
                                .build(),
                        "b"))
                .isEmpty();
        assertThat(MentionCompatibility.score(
                        mention("a#1")
                                .where("ML", "ML-5", "Sofara hamlet")
                                .killed(3)
                                .build(),
                        "a",
                        firefightAtTheNextHamlet().killed(3).build(),
                        "b"))
                .isEmpty();
    }

    @Test
    void shouldScoreExactMatchHigherWhenChoosingAmongIncidents() {
        final double exact = MentionCompatibility.score(
                        strike, "a", mention("b#1").build(), "b")
                .orElseThrow();
        final double vague = MentionCompatibility.score(
                        strike,
                        "a",
                        mention("c#1").where("SY", null, null).actor(null).build(),
                        "c")
                .orElseThrow();
        assertThat(exact).isGreaterThan(vague);
    }

    @Test
    void shouldRequireAgreementWithEveryMemberWhenScoringAnIncident() {
        final List<MentionCompatibility.Member> members = List.of(
                new MentionCompatibility.Member(
                        mention("b#1").where("SY", null, null).build(), "b"),
                new MentionCompatibility.Member(
                        mention("c#1")
                                .where("SY", "SY-DY", "Hajin")
                                .date(DAY.plusDays(1))
                                .build(),
                        "c"));
        assertThat(MentionCompatibility.scoreAgainstAll(strike, "a", members)).isEmpty();
    }

    @Test
    void shouldTreatActorsAsAgreeingWhenTheyShareAName() {
        assertThat(MentionCompatibility.actorAgreement(
                        org.wirewatch.schema.Actor.newBuilder()
                                .setName("Tehreek-e-Taliban Pakistan")
                                .setQualifier(null)
                                .build(),
                        org.wirewatch.schema.Actor.newBuilder()
                                .setName("Pakistani Taliban")
                                .setQualifier(null)
                                .build()))
                .isEqualTo(1);
    }

    /** The second outlet's version of the raid: a gunfight at the next hamlet, same region and day. */
    private static Fixtures.MentionBuilder firefightAtTheNextHamlet() {
        return mention("b#1").where("ML", "ML-5", "Toguere").type(EventType.BATTLES, SubEventType.ARMED_CLASH);
    }
}
