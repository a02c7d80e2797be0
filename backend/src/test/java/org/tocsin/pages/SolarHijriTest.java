package org.tocsin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates known from the calendar itself and from the web app's own tests (Intl, fa). */
class SolarHijriTest {

    @ParameterizedTest
    @CsvSource({
        // Nowruz of several years, leap years included (1403 is leap: Nowruz 1404 falls on 21 March).
        "2024-03-20, 1403, 1, 1",
        "2025-03-21, 1404, 1, 1",
        "2026-03-21, 1405, 1, 1",
        "2025-03-20, 1403, 12, 30",
        "2023-03-21, 1402, 1, 1",
        // Month boundaries: the first six months have 31 days, the next five 30.
        "2026-09-22, 1405, 6, 31",
        "2026-09-23, 1405, 7, 1",
        "2026-12-03, 1405, 9, 12",
        "2027-03-04, 1405, 12, 13",
        "1979-02-11, 1357, 11, 22",
        "2000-01-01, 1378, 10, 11"
    })
    void convertsGregorianDates(LocalDate date, int year, int month, int day) {
        assertThat(SolarHijri.of(date)).isEqualTo(new SolarHijri(year, month, day));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-03, پنجشنبه ۱۲ آذر ۱۴۰۵", "2027-03-04, پنجشنبه ۱۳ اسفند ۱۴۰۵"})
    void writesDatesAsTheWebAppDoes(LocalDate date, String expected) {
        assertThat(SolarHijri.format(date)).isEqualTo(expected);
    }
}
