package org.tocsin.demo;

import java.util.List;

/**
 * The cities of the demo day of action: real city-centre coordinates, the IANA zone that city's
 * clocks follow, and a well-known square where such gatherings are actually held (Iranian cities
 * have none: there the exact place is only for attendees, or the action is city-wide).
 */
final class DemoCities {

    private DemoCities() {}

    record City(String name, String country, String zone, double lat, double lon, String venue) {}

    static final List<City> ALL = List.of(
            // Iran: the actions the diaspora echoes.
            new City("Tehran", "IR", "Asia/Tehran", 35.6892, 51.3890, null),
            new City("Zahedan", "IR", "Asia/Tehran", 29.4963, 60.8629, null),
            new City("Sanandaj", "IR", "Asia/Tehran", 35.3219, 46.9862, null),
            new City("Isfahan", "IR", "Asia/Tehran", 32.6539, 51.6660, null),
            new City("Mashhad", "IR", "Asia/Tehran", 36.2605, 59.6168, null),
            new City("Tabriz", "IR", "Asia/Tehran", 38.0800, 46.2919, null),
            // Rest of Asia.
            new City("Istanbul", "TR", "Europe/Istanbul", 41.0082, 28.9784, "Kadıköy İskele Meydanı"),
            new City("Erbil", "IQ", "Asia/Baghdad", 36.1911, 44.0092, "Shar Park"),
            new City("Yerevan", "AM", "Asia/Yerevan", 40.1792, 44.4991, "Republic Square"),
            new City("Tbilisi", "GE", "Asia/Tbilisi", 41.7151, 44.8271, "Rustaveli Avenue, Parliament steps"),
            new City("Tokyo", "JP", "Asia/Tokyo", 35.6762, 139.6503, "Hachikō Square, Shibuya"),
            new City("Kuala Lumpur", "MY", "Asia/Kuala_Lumpur", 3.1390, 101.6869, "Dataran Merdeka"),
            // Europe.
            new City("Berlin", "DE", "Europe/Berlin", 52.5200, 13.4050, "Brandenburger Tor, Pariser Platz"),
            new City("Hamburg", "DE", "Europe/Berlin", 53.5511, 9.9937, "Jungfernstieg"),
            new City("Frankfurt am Main", "DE", "Europe/Berlin", 50.1109, 8.6821, "Römerberg"),
            new City("Cologne", "DE", "Europe/Berlin", 50.9375, 6.9603, "Roncalliplatz"),
            new City("Paris", "FR", "Europe/Paris", 48.8566, 2.3522, "Place de la République"),
            new City("London", "GB", "Europe/London", 51.5074, -0.1278, "Trafalgar Square"),
            new City("Manchester", "GB", "Europe/London", 53.4808, -2.2426, "Piccadilly Gardens"),
            new City("Amsterdam", "NL", "Europe/Amsterdam", 52.3676, 4.9041, "Dam Square"),
            new City("The Hague", "NL", "Europe/Amsterdam", 52.0705, 4.3007, "Plein"),
            new City("Brussels", "BE", "Europe/Brussels", 50.8503, 4.3517, "Place du Luxembourg"),
            new City("Stockholm", "SE", "Europe/Stockholm", 59.3293, 18.0686, "Sergels torg"),
            new City("Gothenburg", "SE", "Europe/Stockholm", 57.7089, 11.9746, "Gustaf Adolfs torg"),
            new City("Oslo", "NO", "Europe/Oslo", 59.9139, 10.7522, "Eidsvolls plass"),
            new City("Copenhagen", "DK", "Europe/Copenhagen", 55.6761, 12.5683, "Rådhuspladsen"),
            new City("Vienna", "AT", "Europe/Vienna", 48.2082, 16.3738, "Stephansplatz"),
            new City("Zurich", "CH", "Europe/Zurich", 47.3769, 8.5417, "Helvetiaplatz"),
            new City("Geneva", "CH", "Europe/Zurich", 46.2044, 6.1432, "Place des Nations"),
            new City("Rome", "IT", "Europe/Rome", 41.9028, 12.4964, "Piazza del Campidoglio"),
            new City("Madrid", "ES", "Europe/Madrid", 40.4168, -3.7038, "Puerta del Sol"),
            new City("Helsinki", "FI", "Europe/Helsinki", 60.1699, 24.9384, "Senaatintori"),
            // North America.
            new City("Toronto", "CA", "America/Toronto", 43.6532, -79.3832, "Mel Lastman Square"),
            new City("Vancouver", "CA", "America/Vancouver", 49.2827, -123.1207, "Vancouver Art Gallery, north plaza"),
            new City("Montreal", "CA", "America/Toronto", 45.5019, -73.5674, "Place Émilie-Gamelin"),
            new City(
                    "Los Angeles",
                    "US",
                    "America/Los_Angeles",
                    34.0522,
                    -118.2437,
                    "Wilshire Federal Building, Westwood"),
            new City("Washington", "US", "America/New_York", 38.9072, -77.0369, "Lafayette Square"),
            new City("New York", "US", "America/New_York", 40.7128, -74.0060, "Dag Hammarskjöld Plaza"),
            new City("Houston", "US", "America/Chicago", 29.7604, -95.3698, "Discovery Green"),
            new City("Chicago", "US", "America/Chicago", 41.8781, -87.6298, "Daley Plaza"),
            new City("Mexico City", "MX", "America/Mexico_City", 19.4326, -99.1332, "Monumento a la Revolución"),
            // South America.
            new City("São Paulo", "BR", "America/Sao_Paulo", -23.5505, -46.6333, "Avenida Paulista, MASP"),
            new City("Buenos Aires", "AR", "America/Argentina/Buenos_Aires", -34.6037, -58.3816, "Plaza de Mayo"),
            new City("Santiago", "CL", "America/Santiago", -33.4489, -70.6693, "Plaza de Armas"),
            // Africa.
            new City("Johannesburg", "ZA", "Africa/Johannesburg", -26.2041, 28.0473, "Constitution Hill"),
            new City("Cape Town", "ZA", "Africa/Johannesburg", -33.9249, 18.4241, "Greenmarket Square"),
            new City("Nairobi", "KE", "Africa/Nairobi", -1.2921, 36.8219, "Jeevanjee Gardens"),
            // Oceania.
            new City("Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093, "Martin Place"),
            new City("Melbourne", "AU", "Australia/Melbourne", -37.8136, 144.9631, "State Library Victoria forecourt"),
            new City("Perth", "AU", "Australia/Perth", -31.9505, 115.8605, "Forrest Chase"),
            new City("Auckland", "NZ", "Pacific/Auckland", -36.8485, 174.7633, "Aotea Square"));

    static City named(String name) {
        return ALL.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo city " + name));
    }
}
