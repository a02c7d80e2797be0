package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spreadsheet formula injection: a cell a spreadsheet would evaluate is turned into text. */
class RsvpCsvTest {

    @Test
    void cellsThatWouldRunAsFormulasAreDefused() {
        assertThat(RsvpCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(RsvpCsv.cell("+491701234")).isEqualTo("'+491701234");
        assertThat(RsvpCsv.cell("-2")).isEqualTo("'-2");
        assertThat(RsvpCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        // A leading tab or CR is dropped with every other control character, and cannot hide a formula.
        assertThat(RsvpCsv.cell("\tx")).isEqualTo("x");
        assertThat(RsvpCsv.cell("\t=1+1")).isEqualTo("'=1+1");
        assertThat(RsvpCsv.cell("\r\n@cmd")).isEqualTo("'@cmd");
        assertThat(RsvpCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(RsvpCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RsvpCsv.cell("Ana")).isEqualTo("Ana");
        assertThat(RsvpCsv.cell("")).isEmpty();
    }

    /** A name stored before input was checked: the cell is still one line of text, whatever it holds. */
    @Test
    void controlCharactersNeverReachACell() {
        assertThat(RsvpCsv.cell("A\u0000n\u001Ba\u0007\u000B\u0085\u202E")).isEqualTo("Ana");
        assertThat(RsvpCsv.cell("two\r\nlines")).isEqualTo("twolines");
        assertThat(RsvpCsv.cell("\u0000\u202E,\"")).isEqualTo("\",\"\"\"");
    }
}
