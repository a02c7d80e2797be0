package org.tocsin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    private static boolean finds(String stored, String query) {
        return SearchText.matches(SearchText.terms(stored), SearchText.tokens(query));
    }

    @Test
    void arabicKeyboardSpellingsFindPersianText() {
        assertThat(finds("شب‌زنده‌داری برای زندانیان سیاسی", "سياسي")).isTrue();
        assertThat(finds("کمیته دفاع", "كميته")).isTrue();
        assertThat(finds("آزادی", "ازادی")).isTrue();
    }

    @Test
    void zeroWidthNonJoinerAndDiacriticsDoNotMatter() {
        assertThat(finds("می‌خواهیم", "میخواهیم")).isTrue();
        assertThat(finds("مُحَمَّد", "محمد")).isTrue();
        assertThat(finds("Zürich Café", "zurich cafe")).isTrue();
    }

    @Test
    void persianAndArabicDigitsReadAsAscii() {
        assertThat(SearchText.tokens("۱۴۰۲ ١٤٠٢")).isEqualTo(List.of("1402", "1402"));
    }

    @Test
    void everyQueryWordMustStartSomeTerm() {
        assertThat(finds("Vigil in Tehran", "tehr vig")).isTrue();
        assertThat(finds("Vigil in Tehran", "tehran march")).isFalse();
        assertThat(finds("Vigil in Tehran", "")).isTrue();
    }
}
