package org.tocsin.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** reduce.mjs' table, which the build turns into the class path's gazetteer.bin (backend/pom.xml). */
    private static List<String[]> reducedRows() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/gazetteer/gazetteer.tsv.gz"))) {
            return GazetteerTables.readRows(in);
        }
    }

    @Test
    void buildTimeKeysAreTheKeysCityKeysGivesEveryName() throws IOException {
        List<String[]> rows = reducedRows();
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

    /** A stale or mis-written gazetteer.bin would resolve names as no build of reduce.mjs' table does. */
    @Test
    void theShippedTablesAreTheTablesOfTheReducedTable() throws IOException {
        GazetteerTables built = GazetteerTables.fromRows(reducedRows());
        GazetteerTables shipped;
        try (InputStream in = Gazetteer.class.getResourceAsStream(GazetteerFile.RESOURCE)) {
            shipped = GazetteerFile.read(in);
        }
        assertThat(shipped.edition()).isEqualTo(built.edition());
        assertThat(shipped.cities()).containsExactly(built.cities());
        assertThat(shipped.hashes()).isEqualTo(built.hashes());
        assertThat(shipped.targets()).isEqualTo(built.targets());
        assertThat(shipped.prefixes().keyBytes()).isEqualTo(built.prefixes().keyBytes());
        assertThat(shipped.prefixes().keyStarts()).isEqualTo(built.prefixes().keyStarts());
        assertThat(shipped.prefixes().ranks()).isEqualTo(built.prefixes().ranks());
        assertThat(GAZETTEER.size()).isEqualTo(built.cities().length);
    }

    @Test
    void aFileOfAnotherLayoutIsRefused() {
        assertThatThrownBy(() -> GazetteerFile.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})))
                .isInstanceOf(IOException.class);
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
