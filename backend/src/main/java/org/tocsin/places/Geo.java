package org.tocsin.places;

import java.util.List;

/**
 * Distances on the globe. The embedded database has no geo queries, so a radius search is a
 * latitude/longitude box (a cheap range prefilter, indexable on a real MongoDB) followed by the
 * exact great-circle distance.
 */
public final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {}

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A box holding every point within {@code radiusKm}; two longitude ranges when it crosses ±180°. */
    public static Box box(double lat, double lon, double radiusKm) {
        double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
        double minLat = lat - dLat;
        double maxLat = lat + dLat;
        if (minLat <= -90 || maxLat >= 90) {
            // Near a pole every longitude is close.
            return new Box(Math.max(minLat, -90), Math.min(maxLat, 90), List.of(new LonRange(-180, 180)));
        }
        double dLon = Math.toDegrees(
                Math.asin(Math.min(1, Math.sin(radiusKm / EARTH_RADIUS_KM) / Math.cos(Math.toRadians(lat)))));
        double minLon = lon - dLon;
        double maxLon = lon + dLon;
        if (minLon < -180) {
            return new Box(minLat, maxLat, List.of(new LonRange(minLon + 360, 180), new LonRange(-180, maxLon)));
        }
        if (maxLon > 180) {
            return new Box(minLat, maxLat, List.of(new LonRange(minLon, 180), new LonRange(-180, maxLon - 360)));
        }
        return new Box(minLat, maxLat, List.of(new LonRange(minLon, maxLon)));
    }

    /** About 11 km: enough to find a city on a map, not a doorstep. */
    public static double coarse(double degrees) {
        return Math.round(degrees * 10) / 10.0;
    }

    public record LonRange(double min, double max) {}

    public record Box(double minLat, double maxLat, List<LonRange> lons) {
        public boolean contains(double lat, double lon) {
            if (lat < minLat || lat > maxLat) {
                return false;
            }
            return lons.stream().anyMatch(r -> lon >= r.min() && lon <= r.max());
        }
    }
}
