package org.wirewatch.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.rules.CasualtyFact.Kind;
import org.wirewatch.extract.rules.CasualtyFact.Role;
import org.wirewatch.extract.text.Tokenizer;

class CasualtyReaderTest {

    private final CasualtyReader reader = CasualtyReader.load(NumberReader.load());

    private List<CasualtyFact> read(String sentence) {
        return reader.read(Tokenizer.tokenize(sentence, 0, sentence.length()));
    }

    private List<CasualtyFact> totals(String sentence, Role role) {
        return read(sentence).stream()
                .filter(f -> f.kind() == Kind.TOTAL && f.role() == role)
                .toList();
    }

    @Test
    void shouldReadADeathTollWhenTheVerbFollowsTheCount() {
        assertThat(totals("At least 44 people died when warplanes bombed a village.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(44);
        assertThat(totals("Four people lost their lives in the blast.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(4);
        assertThat(totals("Eleven Malian soldiers died on Monday.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(11);
    }

    @Test
    void shouldReadADeathTollWhenTheVerbPrecedesTheCount() {
        List<CasualtyFact> facts = read("Gunmen stormed the post, killing 11 guards and wounding four others.");
        assertThat(facts)
                .filteredOn(f -> f.role() == Role.KILLED)
                .extracting(CasualtyFact::value)
                .containsExactly(11);
        assertThat(facts)
                .filteredOn(f -> f.role() == Role.INJURED)
                .extracting(CasualtyFact::value)
                .containsExactly(4);
    }

    @Test
    void shouldReadATollWhenItRoseOrWasPutAtAFigure() {
        assertThat(totals("The death toll rose to 22 on Thursday.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(22);
        assertThat(totals("A hospital source put the death toll from Saturday's shelling at 22.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(22);
    }

    @Test
    void shouldCountTheNamedVictimAfterAnAppositionOrAHeadlinesComma() {
        assertThat(totals("The mayor of the town, Joseph Lado, and four other officials were killed.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(5);
        assertThat(totals("Mayor, four other officials killed in ambush", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(5);
    }

    @Test
    void shouldReadInjuredAndAbductedWhenReported() {
        assertThat(totals("Roughly 30 were wounded and 12 hurt.", Role.INJURED))
                .extracting(CasualtyFact::value)
                .containsExactly(30, 12);
        assertThat(totals("Gunmen kidnapped 17 students from a school.", Role.ABDUCTED))
                .extracting(CasualtyFact::value)
                .containsExactly(17);
    }

    @Test
    void shouldTreatIncludingAsABreakdownWhenItFollowsATotal() {
        List<CasualtyFact> facts = read("Strikes killed 36 family members including 17 children, the monitor said.");
        assertThat(facts)
                .filteredOn(CasualtyFact::isTotal)
                .extracting(CasualtyFact::value)
                .containsExactly(36);
        assertThat(facts)
                .filteredOn(f -> f.kind() == Kind.BREAKDOWN)
                .extracting(CasualtyFact::group)
                .containsExactly("children");
    }

    @Test
    void shouldTreatAnAppositiveCountAsABreakdownWhenItSaysOfThem() {
        List<CasualtyFact> facts = read("At least 39 people, four of them children, were killed on Friday.");
        assertThat(facts)
                .filteredOn(CasualtyFact::isTotal)
                .extracting(CasualtyFact::value)
                .containsExactly(39);
        assertThat(facts)
                .filteredOn(f -> "children".equals(f.group()))
                .extracting(CasualtyFact::value)
                .containsExactly(4);
    }

    @Test
    void shouldNotAddAnotherTotalWhenGroupsAreAmongTheDead() {
        List<CasualtyFact> facts = read("The Observatory said 27 men, 11 women and six children were among the dead.");
        assertThat(facts).noneMatch(CasualtyFact::isTotal);
        assertThat(facts)
                .filteredOn(f -> "children".equals(f.group()))
                .extracting(CasualtyFact::value)
                .containsExactly(6);
    }

    @Test
    void shouldSumAListOfVictimsWhenTheyDiedTogether() {
        assertThat(totals("He said 18 civilians and four government officials had died.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(22);
        assertThat(totals("The blast killed two children and a woman.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(3);
        assertThat(totals("Troops foiled the attack, killing three gunmen and the driver of the car.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(4);
    }

    @Test
    void shouldCountTheNamedVictimWhenOthersAreAddedToHim() {
        assertThat(totals("The deputy chief and 21 other people were killed on Wednesday.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(22);
    }

    @Test
    void shouldMarkAnotherSevenAsAdditiveWhenReportedAfterAFigure() {
        List<CasualtyFact> facts = read("Another seven victims had not yet been identified.");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(7);
            assertThat(f.additive()).isTrue();
            assertThat(f.role()).isEqualTo(Role.KILLED);
        });
    }

    @Test
    void shouldKeepAVagueCountWithoutANumberWhenOnlyDozensAreReported() {
        List<CasualtyFact> facts = read("The raid left dozens dead.");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.vague()).isTrue();
            assertThat(f.value()).isNull();
        });
    }

    @Test
    void shouldReadNoDeathTollWhenKilledOrWoundedAreCountedTogether() {
        assertThat(read("Dozens of militants were killed or wounded in the fighting."))
                .isEmpty();
        assertThat(read("Twelve people were killed or wounded.")).isEmpty();
    }

    @Test
    void shouldNeverReadAgesRocketsVehiclesPrisonersOrYearsAsTolls() {
        assertThat(read("Two small children, aged four and six, were among those treated for injuries."))
                .noneMatch(CasualtyFact::isTotal);
        assertThat(read("Eight Katyusha rockets were launched at the base, wounding nobody."))
                .isEmpty();
        assertThat(read("The militants killed nine soldiers and destroyed four vehicles."))
                .extracting(CasualtyFact::value)
                .containsExactly(9);
        assertThat(read("The sides will exchange 1,081 prisoners.")).isEmpty();
        assertThat(read("In 2014 the group killed its leader's rivals.")).isEmpty();
        assertThat(read("The base lies 80 km (50 miles) north of Baghdad.")).isEmpty();
    }

    @Test
    void shouldReadOneVictimWhenAPersonIsShotDead() {
        List<CasualtyFact> facts = read("Unknown gunmen shot dead Abdul Jalal on Thursday morning.");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.IMPLICIT);
            assertThat(f.value()).isEqualTo(1);
        });
    }

    @Test
    void shouldReadChildrenAmongTheDeadWhenARisenTollIsBrokenDown() {
        assertThat(read("The death toll had risen to 18, including nine children."))
                .filteredOn(f -> f.kind() == Kind.BREAKDOWN && f.role() == Role.KILLED)
                .extracting(CasualtyFact::value, CasualtyFact::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9, "children"));
    }

    @Test
    void shouldCountASideAsKilledWhenItLostMen() {
        assertThat(totals("The army lost at least 15 soldiers in the attack.", Role.KILLED))
                .extracting(CasualtyFact::value)
                .containsExactly(15);
    }

    @Test
    void shouldCountOneChildWhenTheDeadIncludeAGirlOfFourteen() {
        assertThat(read("The bombs killed six people, including a 14-year-old girl, and injured 97."))
                .filteredOn(f -> f.kind() == Kind.BREAKDOWN && f.role() == Role.KILLED)
                .extracting(CasualtyFact::value, CasualtyFact::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "children"));
        assertThat(read("The bombs killed six people, including a 40-year-old man."))
                .filteredOn(f -> f.kind() == Kind.BREAKDOWN)
                .isEmpty();
    }
}
