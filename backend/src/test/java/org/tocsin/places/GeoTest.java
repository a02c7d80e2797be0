package org.tocsin.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTest {

    @Test
    void potsdamIsAbout27KmFromBerlinAndTehranIsFar() {
        assertThat(Geo.distanceKm(52.52, 13.405, 52.3906, 13.0645)).isCloseTo(27, within(2.0));
        assertThat(Geo.distanceKm(52.52, 13.405, 35.6892, 51.389)).isGreaterThan(3000);
    }

    @Test
    void aBoxAroundFijiSpansTheAntimeridian() {
        Geo.Box box = Geo.box(-17.7, 179.5, 100);
        assertThat(box.lons()).hasSize(2);
        assertThat(box.contains(-17.7, -179.8)).isTrue();
        assertThat(box.contains(-17.7, 179.9)).isTrue();
        assertThat(box.contains(-17.7, 170)).isFalse();
    }

    @Test
    void nearAPoleEveryLongitudeIsInTheBox() {
        Geo.Box box = Geo.box(89.5, 0, 200);
        assertThat(box.contains(89.9, 179)).isTrue();
        assertThat(box.contains(89.9, -120)).isTrue();
    }

    @Test
    void coarseCoordinatesSayTheCityNotTheDoorstep() {
        assertThat(Geo.coarse(52.5163)).isEqualTo(52.5);
        assertThat(Geo.coarse(-118.2428)).isEqualTo(-118.2);
    }
}
