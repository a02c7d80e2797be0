package org.tocsin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void composedAndDecomposedAccentsAreOneText() {
        assertThat(UserText.oneLine("Cafe\u0301 de la Paix")).isEqualTo("Café de la Paix");
        assertThat(UserText.multiLine("e\u0301")).isEqualTo("\u00e9");
        // Hangul jamo compose too; Persian with ZWNJ and RLM is left as typed.
        assertThat(UserText.oneLine("\u1100\u1161")).isEqualTo("\uAC00");
        assertThat(UserText.oneLine("می\u200Cخواهیم \u200Fآزادی")).isEqualTo("می\u200Cخواهیم \u200Fآزادی");
    }

    @Test
    void bidiOverridesEmbeddingsAndIsolatesAreRemoved() {
        assertThat(UserText.oneLine("Vigil \u202Egpj.exe")).isEqualTo("Vigil gpj.exe");
        assertThat(UserText.oneLine("\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069"))
                .isEqualTo("abcdefg");
        assertThat(UserText.multiLine("line\n\u202Eone")).isEqualTo("line\none");
        assertThat(UserText.oneLine("left\u200Eright\u200F")).isEqualTo("left\u200Eright\u200F");
    }

    @Test
    void oneLineTextRefusesEveryControlCharacter() {
        for (String bad : new String[] {
            "a\u0000b",
            "a\u0001",
            "\u001B[31m",
            "a\nb",
            "a\rb",
            "a\tb",
            "a\u0007",
            "a\u000B",
            "a\u007F",
            "a\u0085",
            "a\u009B"
        }) {
            assertThatThrownBy(() -> UserText.oneLine(bad))
                    .as(bad)
                    .isInstanceOf(UserText.Refused.class)
                    .hasMessageStartingWith(UserText.ONE_LINE);
        }
        assertThatThrownBy(() -> UserText.oneLine("bell\u0007")).hasMessage(UserText.ONE_LINE + " (found U+0007)");
    }

    @Test
    void multiLineTextKeepsNewlinesAndTabsAndReadsCrLfAsLf() {
        assertThat(UserText.multiLine("one\r\ntwo\rthree\n\tfour")).isEqualTo("one\ntwo\nthree\n\tfour");
        for (String bad : new String[] {"a\u000Bb", "a\u000C", "\u0000", "a\u001B", "a\u0085"}) {
            assertThatThrownBy(() -> UserText.multiLine(bad))
                    .as(bad)
                    .isInstanceOf(UserText.Refused.class)
                    .hasMessageStartingWith(UserText.MULTI_LINE);
        }
    }

    @Test
    void halfSurrogatePairsAndNonCharactersAreRefused() {
        assertThatThrownBy(() -> UserText.oneLine("a\uD800b")).hasMessageContaining("U+D800");
        assertThatThrownBy(() -> UserText.multiLine("a\uDC00")).hasMessageContaining("U+DC00");
        assertThatThrownBy(() -> UserText.oneLine("a\uFFFF")).hasMessageContaining("U+FFFF");
        // A whole pair is one character outside the BMP, and fine.
        assertThat(UserText.oneLine("\u270A\uD83C\uDFFD")).isEqualTo("\u270A\uD83C\uDFFD");
    }

    @Test
    void plainTextAndNullPassThroughAsTheyAre() {
        String plain = "Vigil for the detained, 18:00";
        assertThat(UserText.oneLine(plain)).isSameAs(plain);
        assertThat(UserText.oneLine(null)).isNull();
        assertThat(UserText.printable(plain, "")).isSameAs(plain);
    }

    @Test
    void printableDropsWhatAFormatCannotCarry() {
        String stored = "T\u0000i\u0001t\u001Bl\u0007e\u000B\t\n\r\u0085\uD800\uFFFE\u202E!\uD83D\uDE00";
        assertThat(UserText.printable(stored, "\t\n\r")).isEqualTo("Title\t\n\r!\uD83D\uDE00");
        assertThat(UserText.printable(stored, "\t")).isEqualTo("Title\t!\uD83D\uDE00");
        assertThat(UserText.printable(stored, "")).isEqualTo("Title!\uD83D\uDE00");
        assertThat(UserText.printable("ok\uDC00", "")).isEqualTo("ok");
    }
}
