package org.tocsin.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventRequest;

/**
 * What surrounds a day of action: standing weekly vigils, online sessions with speakers, a
 * rally outside an embassy, a screening and an organizers' meeting in the weeks around it.
 */
final class DemoExtras {

    private DemoExtras() {}

    static List<EventRequest> around(LocalDate today, LocalDate day) {
        String campaign = DemoCampaignDay.SLUG;
        return List.of(
                        weekly(
                                DemoOrganizations.BERLIN,
                                "Berlin",
                                today,
                                DayOfWeek.SATURDAY,
                                15,
                                2,
                                "FREQ=WEEKLY;COUNT=12",
                                "Weekly vigil for political prisoners · تجمع هفتگی در حمایت از زندانیان سیاسی",
                                null),
                        weekly(
                                DemoOrganizations.DIASPORA,
                                "London",
                                today,
                                DayOfWeek.SUNDAY,
                                14,
                                2,
                                "FREQ=WEEKLY;UNTIL="
                                        + today.plusWeeks(13).toString().replace("-", "") + "T235959Z",
                                "Weekly protest outside the embassy · تجمع هفتگی در برابر سفارت",
                                "Embassy of the Islamic Republic of Iran, 16 Prince's Gate, London SW7 1PT"),
                        weekly(
                                DemoOrganizations.NORTH_AMERICA,
                                "Toronto",
                                today,
                                DayOfWeek.SATURDAY,
                                13,
                                2,
                                "FREQ=WEEKLY;COUNT=10",
                                "Saturday vigil at Mel Lastman Square · شب‌زنده‌داری شنبه‌ها",
                                null),
                        weekly(
                                DemoOrganizations.NORTH_AMERICA,
                                "Los Angeles",
                                today,
                                DayOfWeek.SUNDAY,
                                12,
                                2,
                                "FREQ=WEEKLY;COUNT=12",
                                "Sunday vigil in Westwood for prisoners on death row",
                                null),
                        weekly(
                                DemoOrganizations.DIASPORA,
                                "Stockholm",
                                today,
                                DayOfWeek.THURSDAY,
                                18,
                                1,
                                "FREQ=WEEKLY;COUNT=8",
                                "Thursday silent vigil · ایستادن در سکوت، پنجشنبه‌ها",
                                null),
                        new Draft(
                                        DemoOrganizations.COALITION,
                                        EventKind.ONLINE_SESSION,
                                        "Online panel: the death penalty in Iran and what the world can do",
                                        "Lawyers, researchers and a prisoner's family on how executions are carried out, how "
                                                + "international pressure has saved lives, and what you can do this week. "
                                                + "Questions in English or Persian; live interpretation provided.")
                                .online(
                                        "https://meet.example.org/united-against-executions-panel",
                                        "Jitsi Meet",
                                        "Europe/Berlin")
                                .at(day.atTime(LocalTime.of(20, 0)), day.atTime(LocalTime.of(21, 30)))
                                .speaker("Leila Karimi", "Human-rights lawyer")
                                .speaker("Arash Mohammadi", "Researcher, Coalition for Human Rights in Iran")
                                .speaker("Nasrin Ebrahimi", "Sister of a political prisoner")
                                .campaign(campaign),
                        new Draft(
                                        DemoOrganizations.COALITION,
                                        EventKind.ONLINE_SESSION,
                                        "گفت‌وگوی آنلاین با خانواده‌های دادخواه",
                                        "مادران و خواهران زندانیان سیاسی از پرونده‌ی عزیزانشان و از راه‌های حمایت از آنان می‌گویند. "
                                                + "این نشست به زبان فارسی برگزار می‌شود.")
                                .online("https://meet.example.org/dadkhah-families", "BigBlueButton", "Asia/Tehran")
                                .at(
                                        day.minusDays(1).atTime(20, 30),
                                        day.minusDays(1).atTime(22, 0))
                                .speaker("مریم رضایی", "مادر یک زندانی سیاسی")
                                .speaker("بهروز صالحی", "وکیل دادگستری")
                                .languages("fa")
                                .campaign(campaign),
                        new Draft(
                                        DemoOrganizations.COALITION,
                                        EventKind.ONLINE_SESSION,
                                        "Press briefing: United Against Executions",
                                        "For journalists: the day's cities, the prisoners whose cases we highlight, and interview "
                                                + "contacts. Places are confirmed to press accreditation.")
                                .online("https://meet.example.org/press-briefing", "Jitsi Meet", "America/New_York")
                                .at(
                                        day.minusDays(3).atTime(10, 0),
                                        day.minusDays(3).atTime(11, 0))
                                .speaker("Arash Mohammadi", "Researcher, Coalition for Human Rights in Iran")
                                .approval(60)
                                .languages("en")
                                .campaign(campaign),
                        new Draft(
                                        DemoOrganizations.BERLIN,
                                        EventKind.RALLY,
                                        "Rally outside the embassy · تجمع در برابر سفارت",
                                        "A week before the day of action we hand in a letter signed by 40 groups. "
                                                + "یک هفته پیش از روز اعتراض، نامه‌ای با امضای ۴۰ گروه را تحویل می‌دهیم.")
                                .in(
                                        DemoCities.named("Berlin"),
                                        "Botschaft der Islamischen Republik Iran",
                                        "Podbielskiallee 65–67, 14195 Berlin")
                                .at(
                                        day.minusDays(7).atTime(12, 0),
                                        day.minusDays(7).atTime(14, 0)),
                        new Draft(
                                        DemoOrganizations.DIASPORA,
                                        EventKind.SCREENING,
                                        "Film screening and discussion · نمایش فیلم و گفت‌وگو",
                                        "A documentary on the families of prisoners sentenced to death, followed by a discussion "
                                                + "with the director. Subtitles in French and English.")
                                .in(
                                        DemoCities.named("Paris"),
                                        "Mairie du 11e arrondissement",
                                        "12 place Léon-Blum, 75011 Paris")
                                .at(
                                        day.minusDays(2).atTime(19, 0),
                                        day.minusDays(2).atTime(21, 30))
                                .capacity(120)
                                .campaign(campaign),
                        new Draft(
                                        DemoOrganizations.NORTH_AMERICA,
                                        EventKind.MEETING,
                                        "Organizers' meeting: preparing the day of action",
                                        "Routes, stewards, banners and press for the Toronto march. New volunteers welcome; "
                                                + "we confirm places so the room is not overfull.")
                                .in(
                                        DemoCities.named("Toronto"),
                                        "North York Central Library, meeting room 1",
                                        "5120 Yonge St, Toronto")
                                .at(
                                        day.minusDays(7).atTime(19, 0),
                                        day.minusDays(7).atTime(21, 0))
                                .approval(30))
                .stream()
                .map(Draft::request)
                .toList();
    }

    private static Draft weekly(
            DemoOrganizations.Org org,
            String cityName,
            LocalDate today,
            DayOfWeek weekday,
            int hour,
            int hours,
            String rrule,
            String title,
            String venue) {
        DemoCities.City city = DemoCities.named(cityName);
        LocalDate first = today.plusDays(1).with(TemporalAdjusters.nextOrSame(weekday));
        return new Draft(
                        org,
                        EventKind.VIGIL,
                        title,
                        "Every week until the executions stop: we stand with photographs of prisoners and tell "
                                + "passers-by their stories. Come for ten minutes or two hours.\n\n"
                                + "هر هفته تا توقف اعدام‌ها، با عکس زندانیان می‌ایستیم و داستانشان را برای رهگذران "
                                + "بازگو می‌کنیم.")
                .in(city, venue != null ? venue : city.venue(), null)
                .at(first.atTime(hour, 0), first.atTime(hour + hours, 0))
                .weekly(rrule)
                .tag("weekly-vigil");
    }
}
