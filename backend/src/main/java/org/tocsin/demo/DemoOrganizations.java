package org.tocsin.demo;

import java.util.List;

/**
 * The groups behind the demo day of action. Each has its own organizer account on the reserved
 * {@code tocsin.invalid} domain (RFC 2606: it can never receive mail), which only owns the data.
 */
final class DemoOrganizations {

    private DemoOrganizations() {}

    record Org(String slug, String name, String description) {
        String ownerEmail() {
            return "organizer@" + slug + ".tocsin.invalid";
        }
    }

    static final Org COALITION = new Org(
            "human-rights-coalition",
            "Coalition for Human Rights in Iran · ائتلاف حقوق بشر برای ایران",
            "A coalition of human-rights groups, lawyers and families of prisoners campaigning against the death "
                    + "penalty.\n\nائتلافی از گروه‌های حقوق بشری، وکلا و خانواده‌های زندانیان برای لغو مجازات اعدام.");
    static final Org DIASPORA = new Org(
            "iranian-diaspora-network",
            "Iranian Diaspora Network · شبکه‌ی ایرانیان برون‌مرز",
            "Local groups of the Iranian diaspora across Europe, coordinating vigils and rallies.\n\n"
                    + "گروه‌های محلی ایرانیان برون‌مرز در سراسر اروپا که شب‌زنده‌داری‌ها و تجمع‌ها را هماهنگ می‌کنند.");
    static final Org NEIGHBOURHOODS = new Org(
            "neighbourhood-solidarity",
            "شورای همبستگی محله‌ها",
            "شبکه‌ای از گروه‌های محله‌ای در شهرهای ایران. برای امنیت شرکت‌کنندگان، محل دقیق گردهمایی‌ها فقط "
                    + "برای افراد تأییدشده فرستاده می‌شود.");
    static final Org BERLIN = new Org(
            "berlin-solidarity-circle",
            "Berlin Solidarity Circle",
            "Iranians and friends in Berlin and across Germany. Weekly vigil at the Brandenburg Gate since 2022.");
    static final Org NORTH_AMERICA = new Org(
            "voices-for-iran-north-america",
            "Voices for Iran – North America",
            "Volunteers organizing rallies and marches in Canada, the United States and Mexico.");
    static final Org SOUTHERN = new Org(
            "southern-cross-solidarity",
            "Southern Cross Solidarity with Iran",
            "Groups in Australia, New Zealand, Africa, South America and Asia standing with the people of Iran.");

    static final List<Org> ALL = List.of(COALITION, DIASPORA, NEIGHBOURHOODS, BERLIN, NORTH_AMERICA, SOUTHERN);

    /** Which group posts a city's actions: local groups where there is one, otherwise the regional network. */
    static Org localTo(DemoCities.City city) {
        return switch (city.country()) {
            case "IR" -> NEIGHBOURHOODS;
            case "DE" -> BERLIN;
            case "CA", "US", "MX" -> NORTH_AMERICA;
            case "GB", "FR", "NL", "BE", "SE", "NO", "DK", "AT", "CH", "IT", "ES", "FI" -> DIASPORA;
            default -> SOUTHERN;
        };
    }
}
