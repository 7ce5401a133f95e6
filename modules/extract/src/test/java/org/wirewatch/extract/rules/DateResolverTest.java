package org.wirewatch.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.text.Tokenizer;

class DateResolverTest {

    // Saturday 17 November 2018
    private static final LocalDate PUBLISHED = LocalDate.of(2018, 11, 17);
    private final DateResolver resolver = new DateResolver();

    private List<DateMention> find(String sentence) {
        return resolver.find(Tokenizer.tokenize(sentence, 0, sentence.length()), PUBLISHED, PUBLISHED);
    }

    @Test
    void shouldResolveAWeekdayToTheLatestSuchDayOnOrBeforePublicationWhenNamed() {
        assertThat(find("Air strikes Saturday killed 43 people."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(PUBLISHED);
        assertThat(find("Rebels attacked the town late on Friday."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(LocalDate.of(2018, 11, 16));
        assertThat(find("The bomb exploded on Tuesday."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(LocalDate.of(2018, 11, 13));
    }

    @Test
    void shouldGiveOvernightTheNightEndingOnPublicationDayAndLastNightTheDayBeforeWithADayOfTolerance() {
        DateMention overnight = find("Warplanes bombed the village overnight.").get(0);
        assertThat(overnight.date()).isEqualTo(LocalDate.of(2018, 11, 17));
        assertThat(overnight.toleranceDays()).isEqualTo(1);
        DateMention lastNight = find("Warplanes bombed the village last night.").get(0);
        assertThat(lastNight.date()).isEqualTo(LocalDate.of(2018, 11, 16));
        assertThat(lastNight.toleranceDays()).isEqualTo(1);
    }

    @Test
    void shouldPutAnExplicitDateInThePreviousYearWhenItWouldBeAfterPublication() {
        assertThat(find("A missile hit the city on December 14."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(LocalDate.of(2017, 12, 14));
        assertThat(find("A missile hit the city on 14 March 2016."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(LocalDate.of(2016, 3, 14));
    }

    @Test
    void shouldResolveLastWeekAndDaysEarlierWhenRelative() {
        DateMention week = find("Last week, artillery fire hit a trolleybus.").get(0);
        assertThat(week.date()).isEqualTo(LocalDate.of(2018, 11, 10));
        assertThat(week.toleranceDays()).isEqualTo(3);
        assertThat(find("The raid came two days after a suicide attack."))
                .singleElement()
                .extracting(DateMention::date)
                .isEqualTo(LocalDate.of(2018, 11, 15));
    }

    @Test
    void shouldMarkTheDayOfAStatementAsReportingWhenItFollowsASpeechVerb() {
        assertThat(find("Five people were killed, an officer said on Wednesday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
        assertThat(find("The commander said Saturday that operations were ongoing."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
    }

    @Test
    void shouldGiveNoEventDayToADaySomethingWasPlannedFor() {
        assertThat(find("The ministry closed colleges and suspended the exams scheduled for Monday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
        assertThat(find("Talks between the two sides were due on Friday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
        assertThat(find("The marches are expected to end on Thursday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
        assertThat(find("Gunmen attacked the convoy on Friday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.EVENT);
    }

    @Test
    void shouldMarkTheDayADocumentWasReadAsReporting() {
        assertThat(find("Two guards died of their wounds, according to a hospital log seen by Reuters on Thursday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
    }

    @Test
    void shouldMarkTheDayOfAClaimOrOfBlameAsReportingWhenTheVerbsObjectComesBetween() {
        assertThat(find("The militia claimed responsibility on Thursday for the ambush."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
        assertThat(find("The army and the rebels blamed each other on Friday for the shelling."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
    }

    @Test
    void shouldMarkTheEarlyHoursOfAStatementsDayAsReporting() {
        assertThat(find("The group said in the early hours of Friday that its fighters carried out the raid."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
    }

    @Test
    void shouldMarkTheDayByWhichAStateHeldAsReporting() {
        assertThat(find("By Thursday morning the town was calm."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.REPORTING);
    }

    @Test
    void shouldDateThePreviousEveningTheDayBeforeTheDayTheSentenceNames() {
        List<DateMention> ds =
                find("The group claimed on Thursday a bombing that killed four people the previous evening.");

        assertThat(ds).hasSize(2);
        assertThat(ds.get(1).date()).isEqualTo(LocalDate.of(2018, 11, 14));
        assertThat(ds.get(1).role()).isEqualTo(DateMention.Role.EVENT);
        assertThat(find("Four people were killed the previous night.").get(0).date())
                .isEqualTo(LocalDate.of(2018, 11, 16));
    }

    @Test
    void shouldMarkSinceAndLastMonthAsNoEventDayWhenUsed() {
        assertThat(find("Gunmen had roamed the villages since Sunday."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.PERIOD);
        assertThat(find("Last month's bombing killed 20."))
                .singleElement()
                .extracting(DateMention::role)
                .isEqualTo(DateMention.Role.PAST);
    }
}
