package org.tocsin.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.tocsin.text.Digits;

/**
 * The Solar Hijri (Persian) calendar by the arithmetic 33-year rule, the same rule as ICU's
 * {@code PersianCalendar} behind the browsers' {@code Intl} ({@code fa}), so a date reads the same in
 * the web app and in what the server writes. The JDK's {@code java.time} has no Persian chronology.
 * It agrees with the official calendar for the years people plan actions in (1178–1633 SH).
 */
public record SolarHijri(int year, int month, int day) {

    /** Julian day number of 1 Farvardin 1 (ICU's PERSIAN_EPOCH). */
    private static final long EPOCH = 1_948_320L;
    /** Julian day number of 1970-01-01 (epoch day 0). */
    private static final long UNIX_EPOCH = 2_440_588L;

    private static final String[] MONTHS = {
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"
    };

    public static SolarHijri of(LocalDate date) {
        long days = date.toEpochDay() + UNIX_EPOCH - EPOCH;
        int year = (int) (1 + Math.floorDiv(33 * days + 3, 12053));
        long farvardin1 = 365L * (year - 1) + Math.floorDiv(8L * year + 21, 33);
        int dayOfYear = (int) (days - farvardin1);
        int month = dayOfYear < 186 ? dayOfYear / 31 : (dayOfYear - 6) / 30;
        int before = month < 6 ? 31 * month : 30 * month + 6;
        return new SolarHijri(year, month + 1, dayOfYear - before + 1);
    }

    /** "پنجشنبه ۱۳ اسفند ۱۴۰۵", as the web app writes it. */
    public static String format(LocalDate date) {
        SolarHijri d = of(date);
        return Digits.persian(weekday(date.getDayOfWeek()) + " " + d.day + " " + MONTHS[d.month - 1] + " " + d.year);
    }

    static String weekday(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> "شنبه";
            case SUNDAY -> "یکشنبه";
            case MONDAY -> "دوشنبه";
            case TUESDAY -> "سه‌شنبه";
            case WEDNESDAY -> "چهارشنبه";
            case THURSDAY -> "پنجشنبه";
            case FRIDAY -> "جمعه";
        };
    }
}
