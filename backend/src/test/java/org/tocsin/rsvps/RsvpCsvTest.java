package org.tocsin.rsvps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spreadsheet formula injection: a cell a spreadsheet would evaluate is turned into text. */
class RsvpCsvTest {

    @Test
    void cellsThatWouldRunAsFormulasAreDefused() {
        assertThat(RsvpCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(RsvpCsv.cell("+491701234")).isEqualTo("'+491701234");
        assertThat(RsvpCsv.cell("-2")).isEqualTo("'-2");
        assertThat(RsvpCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RsvpCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(RsvpCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(RsvpCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(RsvpCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RsvpCsv.cell("Ana")).isEqualTo("Ana");
        assertThat(RsvpCsv.cell("")).isEmpty();
    }
}
