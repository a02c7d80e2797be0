package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void persianAndEmojiLinesFoldAt75OctetsWithoutCuttingACharacter() {
        String line = "SUMMARY:" + "تجمع برای آزادی 🕯 ".repeat(20);
        String folded = ContentLines.fold(line + "\r\n");
        for (String physical : folded.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(physical).doesNotContain("\uFFFD");
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    @Test
    void shortLinesStayAsTheyAre() {
        assertThat(ContentLines.fold("UID:abc@tocsin\r\nSEQUENCE:2\r\n")).isEqualTo("UID:abc@tocsin\r\nSEQUENCE:2\r\n");
    }
}
