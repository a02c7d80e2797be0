package org.tocsin.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.text.SearchText;

/**
 * The gazetteer's search keys are normalised at build time by backend/gazetteer/reduce.mjs (JavaScript);
 * a typed city is normalised at run time by {@link SearchText} (Java). If they drifted apart, a city typed
 * in some script would silently stop resolving: this checks that both agree on every name.
 */
class GazetteerTest {

    private static final Gazetteer GAZETTEER = new Gazetteer();

    @Test
    void buildTimeKeysAreTheKeysCityKeysGivesEveryName() throws IOException {
        List<String[]> rows;
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
            rows = Gazetteer.read(in);
        }
        assertThat(rows).hasSizeGreaterThan(20_000);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (String[] r : rows) {
            List<String> names = new ArrayList<>(List.of(r[1]));
            if (!r[8].isEmpty()) {
                names.addAll(List.of(r[8].split(",")));
            }
            List<String> keys = List.of(r[9].split(","));
            for (String name : names) {
                String expected = String.join("-", SearchText.tokens(name));
                checked++;
                if (!expected.isEmpty() && !keys.contains(expected)) {
                    disagreements.add(r[2] + " " + name + " → " + expected);
                }
            }
        }
        assertThat(checked).isGreaterThan(200_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aCityIsOneCityInAnyScriptAndCase() {
        for (String typed : List.of("تهران", "طهران", "Tehran", "TEHRAN", " tehrān ", "Тегеран")) {
            assertThat(GAZETTEER.find(typed, "IR")).as(typed).get().satisfies(c -> {
                assertThat(c.key()).isEqualTo("ir/tehran");
                assertThat(c.timeZone()).isEqualTo("Asia/Tehran");
                assertThat(c.nameFa()).isEqualTo("تهران");
            });
        }
        // The country decides: Paris, US is not Paris, FR; and a name no city has is no city.
        assertThat(GAZETTEER.find("Paris", "FR").orElseThrow().timeZone()).isEqualTo("Europe/Paris");
        assertThat(GAZETTEER.find("Paris", "US").orElseThrow().timeZone()).startsWith("America/");
        assertThat(GAZETTEER.find("Nowhere at all", "IR")).isEmpty();
        assertThat(GAZETTEER.find("München", "DE").orElseThrow().key()).isEqualTo("de/munich");
    }
}
