package org.tocsin.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventRequest;

/**
 * One action per demo city on the campaign day, at the local hours such actions are held. Inside
 * Iran they are small: a gathering whose place only approved attendees learn, or a city-wide
 * action from home (candles at the window, slogans from the rooftops) that needs no gathering at all.
 */
final class DemoCampaignDay {

    static final String SLUG = "united-against-executions";
    static final String NAME = "United Against Executions";
    static final String DESCRIPTION = """
            A worldwide day of action against the death penalty in Iran: vigils, rallies and marches in dozens \
            of cities, and online sessions with lawyers and families of prisoners.

            روز جهانی اعتراض به مجازات اعدام در ایران: شب‌زنده‌داری، تجمع و راهپیمایی در ده‌ها شهر، \
            و نشست‌های آنلاین با وکلا و خانواده‌های زندانیان.""";

    private record Text(
            EventKind kind, LocalTime start, LocalTime end, String en, String fa, String aboutEn, String aboutFa) {}

    private static final List<Text> ACTIONS = List.of(
            new Text(
                    EventKind.VIGIL,
                    LocalTime.of(18, 0),
                    LocalTime.of(20, 0),
                    "Candlelight vigil for political prisoners",
                    "شب‌زنده‌داری برای زندانیان سیاسی",
                    "We gather with candles and photographs of prisoners facing execution and read their names "
                            + "aloud. Bring a candle; signs in any language are welcome.",
                    "با شمع و عکس زندانیانی که با حکم اعدام روبه‌رو هستند گرد هم می‌آییم و نام‌هایشان را بلند "
                            + "می‌خوانیم. شمع همراه خود بیاورید."),
            new Text(
                    EventKind.RALLY,
                    LocalTime.of(17, 0),
                    LocalTime.of(19, 0),
                    "Rally: Stop executions in Iran",
                    "تجمع: اعدام‌ها را متوقف کنید",
                    "Speeches by families of prisoners and human-rights lawyers, then a minute of silence for "
                            + "those executed this year. Join us to demand an immediate moratorium.",
                    "سخنرانی خانواده‌های زندانیان و وکلای حقوق بشر و سپس یک دقیقه سکوت به یاد اعدام‌شدگان "
                            + "امسال. به ما بپیوندید و خواستار توقف فوری اعدام‌ها شوید."),
            new Text(
                    EventKind.MARCH,
                    LocalTime.of(15, 0),
                    LocalTime.of(18, 0),
                    "March against executions",
                    "راهپیمایی علیه اعدام",
                    "We march through the city centre to demand a halt to executions and the release of all "
                            + "political prisoners. Stewards in yellow vests guide the route.",
                    "در مرکز شهر راهپیمایی می‌کنیم و خواستار توقف اعدام‌ها و آزادی همه‌ی زندانیان سیاسی "
                            + "هستیم. انتظامات با جلیقه‌ی زرد مسیر را راهنمایی می‌کنند."));

    private DemoCampaignDay() {}

    static List<EventRequest> actions(LocalDate day) {
        List<EventRequest> requests = new ArrayList<>();
        int i = 0;
        for (DemoCities.City city : DemoCities.ALL) {
            Draft draft = city.country().equals("IR") ? inIran(city, day) : abroad(city, day, i++);
            requests.add(draft.campaign(SLUG).tag("UnitedAgainstExecutions").request());
        }
        return requests;
    }

    /** Vigils, rallies and marches in turn; every other city titles its action in both languages. */
    private static Draft abroad(DemoCities.City city, LocalDate day, int i) {
        Text t = ACTIONS.get(i % ACTIONS.size());
        String title = i % 2 == 0 ? t.en() + " · " + t.fa() : t.en();
        return new Draft(DemoOrganizations.localTo(city), t.kind(), title, t.aboutEn() + "\n\n" + t.aboutFa())
                .in(city, city.venue(), null)
                .at(day.atTime(t.start()), day.atTime(t.end()));
    }

    private static Draft inIran(DemoCities.City city, LocalDate day) {
        DemoOrganizations.Org org = DemoOrganizations.NEIGHBOURHOODS;
        return switch (city.name()) {
            case "Tehran" ->
                new Draft(
                                org,
                                EventKind.VIGIL,
                                "شب‌زنده‌داری برای زندانیان سیاسی",
                                "در کنار خانواده‌های زندانیان محکوم به اعدام شمع روشن می‌کنیم. نشانی دقیق فقط برای "
                                        + "شرکت‌کنندگان تأییدشده فرستاده می‌شود؛ لطفاً تنها یا در گروه‌های کوچک بیایید و عکس نگیرید.")
                        .in(city, "خانه‌ی یکی از خانواده‌های دادخواه", null)
                        .at(day.atTime(19, 0), day.atTime(20, 30))
                        .approval(40)
                        .locationForAttendees()
                        .languages("fa");
            case "Zahedan" ->
                new Draft(
                                org,
                                EventKind.VIGIL,
                                "گردهمایی به یاد جان‌باختگان جمعه‌ی خونین زاهدان",
                                "به یاد جان‌باختگان جمعه‌ی خونین و در همبستگی با زندانیان بلوچ محکوم به اعدام گرد هم "
                                        + "می‌آییم. نشانی دقیق فقط برای شرکت‌کنندگان تأییدشده فرستاده می‌شود.")
                        .in(city, "حیاط خانه‌ای در مرکز شهر", null)
                        .at(day.atTime(18, 0), day.atTime(19, 30))
                        .approval(25)
                        .locationForAttendees()
                        .languages("fa");
            case "Isfahan" ->
                new Draft(
                                org,
                                EventKind.OTHER,
                                "شعار شبانه از پشت‌بام‌ها: نه به اعدام",
                                "ساعت ۲۱، از پشت‌بام‌ها و پنجره‌ها شعار «نه به اعدام» سر می‌دهیم. ده دقیقه، از خانه‌ی خودتان.")
                        .in(city, null, null)
                        .at(day.atTime(21, 0), day.atTime(21, 15))
                        .languages("fa");
            default ->
                new Draft(
                                org,
                                EventKind.OTHER,
                                "شمع‌ها را پشت پنجره روشن کنید",
                                "ساعت ۲۰، هر کس از خانه‌ی خود به یاد اعدام‌شدگان شمعی پشت پنجره روشن می‌کند. نیازی به "
                                        + "بیرون آمدن نیست؛ اگر عکسی منتشر می‌کنید، چهره‌ای در آن نباشد.")
                        .in(city, null, null)
                        .at(day.atTime(20, 0), day.atTime(20, 30))
                        .languages("fa");
        };
    }
}
