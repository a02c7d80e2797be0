#!/usr/bin/env python3
"""Seeds a benchmark's server through the bulk NDJSON import (docs/bulk-import.md), standard library only.

  import_seed.py --port P --events N [--org SLUG] [--email E] [--kind synthetic|feeds] [--file-lines L]

Signs up E (or signs in when the account exists), creates the organization SLUG when it is missing and
imports N events into it through POST /api/v1/organizations/{slug}/events/import, in files of L lines
(10,000, the import's bound), one after another, polling each job until DONE. Prints an API token for the
account (for later PATCHes) on stdout and its progress on stderr. An organization that already has events
is left as it is (a second run on a kept data directory seeds nothing).

Kinds:
  synthetic  the i-th event of `tocsin.demo.events` (backend demo.SyntheticEvents, which the benchmarks
             used to seed with): the same title, description, kind, city, spot, time and series for each i,
             drawn from the same java.util.SplittableRandom(i) sequence (ported below), tagged `generated`;
             only the organization differs (all in SLUG, not the demo organization local to each city)
  feeds      feeds_seed.event(i): the feeds benchmark's organizer feed

Only ever against 127.0.0.1; the server must run with --tocsin.secure-cookies=false and
--tocsin.rate-limits.enabled=false.
"""
import argparse
import datetime
import json
import sys
import time
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import feeds_seed  # noqa: E402  (its API client and its events)

MASK = (1 << 64) - 1


class SplittableRandom:
    """java.util.SplittableRandom(seed), the methods SyntheticEvents calls (JDK 17+ algorithms)."""

    def __init__(self, seed):
        self.seed = seed & MASK

    def _next_seed(self):
        self.seed = (self.seed + 0x9E3779B97F4A7C15) & MASK
        return self.seed

    @staticmethod
    def _mix64(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    @staticmethod
    def _mix32(z):
        z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & MASK
        return (((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & MASK) >> 32  # unsigned 32 bits

    def _next_int_unsigned(self):
        return self._mix32(self._next_seed())

    def next_int(self, bound):
        """RandomSupport.boundedNextInt: Java ints, here as unsigned 32-bit values, signs where Java has them."""
        r = self._next_int_unsigned()
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = r >> 1
        while True:
            r = u % bound
            if u + m - r < 1 << 31:  # Java: u + m - r does not overflow to a negative int
                return r
            u = self._next_int_unsigned() >> 1

    def next_double(self):
        return (self._mix64(self._next_seed()) >> 11) * 2.0 ** -53


# backend/src/main/java/org/tocsin/demo/DemoCities.java (name, country, zone, lat, lon, venue), in its order.
DEMO_CITIES = [
    ("Tehran", "IR", "Asia/Tehran", 35.6892, 51.3890, None),
    ("Zahedan", "IR", "Asia/Tehran", 29.4963, 60.8629, None),
    ("Sanandaj", "IR", "Asia/Tehran", 35.3219, 46.9862, None),
    ("Isfahan", "IR", "Asia/Tehran", 32.6539, 51.6660, None),
    ("Mashhad", "IR", "Asia/Tehran", 36.2605, 59.6168, None),
    ("Tabriz", "IR", "Asia/Tehran", 38.0800, 46.2919, None),
    ("Istanbul", "TR", "Europe/Istanbul", 41.0082, 28.9784, "Kadıköy İskele Meydanı"),
    ("Erbil", "IQ", "Asia/Baghdad", 36.1911, 44.0092, "Shar Park"),
    ("Yerevan", "AM", "Asia/Yerevan", 40.1792, 44.4991, "Republic Square"),
    ("Tbilisi", "GE", "Asia/Tbilisi", 41.7151, 44.8271, "Rustaveli Avenue, Parliament steps"),
    ("Tokyo", "JP", "Asia/Tokyo", 35.6762, 139.6503, "Hachikō Square, Shibuya"),
    ("Kuala Lumpur", "MY", "Asia/Kuala_Lumpur", 3.1390, 101.6869, "Dataran Merdeka"),
    ("Berlin", "DE", "Europe/Berlin", 52.5200, 13.4050, "Brandenburger Tor, Pariser Platz"),
    ("Hamburg", "DE", "Europe/Berlin", 53.5511, 9.9937, "Jungfernstieg"),
    ("Frankfurt am Main", "DE", "Europe/Berlin", 50.1109, 8.6821, "Römerberg"),
    ("Cologne", "DE", "Europe/Berlin", 50.9375, 6.9603, "Roncalliplatz"),
    ("Paris", "FR", "Europe/Paris", 48.8566, 2.3522, "Place de la République"),
    ("London", "GB", "Europe/London", 51.5074, -0.1278, "Trafalgar Square"),
    ("Manchester", "GB", "Europe/London", 53.4808, -2.2426, "Piccadilly Gardens"),
    ("Amsterdam", "NL", "Europe/Amsterdam", 52.3676, 4.9041, "Dam Square"),
    ("The Hague", "NL", "Europe/Amsterdam", 52.0705, 4.3007, "Plein"),
    ("Brussels", "BE", "Europe/Brussels", 50.8503, 4.3517, "Place du Luxembourg"),
    ("Stockholm", "SE", "Europe/Stockholm", 59.3293, 18.0686, "Sergels torg"),
    ("Gothenburg", "SE", "Europe/Stockholm", 57.7089, 11.9746, "Gustaf Adolfs torg"),
    ("Oslo", "NO", "Europe/Oslo", 59.9139, 10.7522, "Eidsvolls plass"),
    ("Copenhagen", "DK", "Europe/Copenhagen", 55.6761, 12.5683, "Rådhuspladsen"),
    ("Vienna", "AT", "Europe/Vienna", 48.2082, 16.3738, "Stephansplatz"),
    ("Zurich", "CH", "Europe/Zurich", 47.3769, 8.5417, "Helvetiaplatz"),
    ("Geneva", "CH", "Europe/Zurich", 46.2044, 6.1432, "Place des Nations"),
    ("Rome", "IT", "Europe/Rome", 41.9028, 12.4964, "Piazza del Campidoglio"),
    ("Madrid", "ES", "Europe/Madrid", 40.4168, -3.7038, "Puerta del Sol"),
    ("Helsinki", "FI", "Europe/Helsinki", 60.1699, 24.9384, "Senaatintori"),
    ("Toronto", "CA", "America/Toronto", 43.6532, -79.3832, "Mel Lastman Square"),
    ("Vancouver", "CA", "America/Vancouver", 49.2827, -123.1207, "Vancouver Art Gallery, north plaza"),
    ("Montreal", "CA", "America/Toronto", 45.5019, -73.5674, "Place Émilie-Gamelin"),
    ("Los Angeles", "US", "America/Los_Angeles", 34.0522, -118.2437, "Wilshire Federal Building, Westwood"),
    ("Washington", "US", "America/New_York", 38.9072, -77.0369, "Lafayette Square"),
    ("New York", "US", "America/New_York", 40.7128, -74.0060, "Dag Hammarskjöld Plaza"),
    ("Houston", "US", "America/Chicago", 29.7604, -95.3698, "Discovery Green"),
    ("Chicago", "US", "America/Chicago", 41.8781, -87.6298, "Daley Plaza"),
    ("Mexico City", "MX", "America/Mexico_City", 19.4326, -99.1332, "Monumento a la Revolución"),
    ("São Paulo", "BR", "America/Sao_Paulo", -23.5505, -46.6333, "Avenida Paulista, MASP"),
    ("Buenos Aires", "AR", "America/Argentina/Buenos_Aires", -34.6037, -58.3816, "Plaza de Mayo"),
    ("Santiago", "CL", "America/Santiago", -33.4489, -70.6693, "Plaza de Armas"),
    ("Johannesburg", "ZA", "Africa/Johannesburg", -26.2041, 28.0473, "Constitution Hill"),
    ("Cape Town", "ZA", "Africa/Johannesburg", -33.9249, 18.4241, "Greenmarket Square"),
    ("Nairobi", "KE", "Africa/Nairobi", -1.2921, 36.8219, "Jeevanjee Gardens"),
    ("Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093, "Martin Place"),
    ("Melbourne", "AU", "Australia/Melbourne", -37.8136, 144.9631, "State Library Victoria forecourt"),
    ("Perth", "AU", "Australia/Perth", -31.9505, 115.8605, "Forrest Chase"),
    ("Auckland", "NZ", "Pacific/Auckland", -36.8485, 174.7633, "Aotea Square"),
]
# SyntheticEvents' lists, in their order.
KINDS = ["VIGIL", "RALLY", "MARCH", "VIGIL", "MEETING", "SCREENING"]
LABELS = {"VIGIL": "Vigil", "RALLY": "Rally", "MARCH": "March", "MEETING": "Meeting", "SCREENING": "Screening"}
CAUSES = ["for political prisoners", "against executions", "for Woman, Life, Freedom", "for imprisoned teachers",
          "for imprisoned workers", "for Baluch prisoners", "for Kurdish prisoners", "for imprisoned journalists"]
PERSIAN = ["شب‌زنده‌داری برای زندانیان سیاسی", "تجمع در برابر سفارت", "راهپیمایی علیه اعدام",
           "همبستگی با معلمان زندانی", "همبستگی با کارگران زندانی"]
ABOUT = ["Bring candles and photographs; we read the names of prisoners facing execution.",
         "Speeches, music and a minute of silence. Stewards will guide the route.",
         "Families of prisoners speak; signs in any language are welcome.",
         "با شمع و عکس زندانیان گرد هم می‌آییم و نام‌هایشان را بلند می‌خوانیم."]


def synthetic(i, org, today):
    """SyntheticEvents.nth(i, today), draw for draw, in org."""
    random = SplittableRandom(i)
    name, country, zone, lat, lon, venue = DEMO_CITIES[random.next_int(len(DEMO_CITIES))]
    kind = KINDS[random.next_int(len(KINDS))]
    if random.next_int(5) == 0:
        title = PERSIAN[random.next_int(len(PERSIAN))]
    else:
        title = f"{LABELS[kind]} {CAUSES[random.next_int(len(CAUSES))]} in {name}"
    start = datetime.datetime.combine(today + datetime.timedelta(days=1 + random.next_int(365)),
                                      datetime.time(10 + random.next_int(10)))
    spot_lat = lat + (random.next_double() - 0.5) * 0.09
    spot_lon = lon + (random.next_double() - 0.5) * 0.09
    body = {"organization": org, "title": title, "description": ABOUT[random.next_int(len(ABOUT))], "kind": kind,
            "start": start.isoformat(timespec="minutes"),
            "end": (start + datetime.timedelta(hours=2)).isoformat(timespec="minutes"), "timeZone": zone,
            "place": {"city": name, "countryCode": country, "lat": spot_lat, "lon": spot_lon},
            "tags": ["generated"], "languages": ["en", "fa"]}
    if venue:
        body["place"]["venue"] = venue
    if i % 20 == 0:
        body["recurrence"] = {"rrule": "FREQ=WEEKLY;COUNT=6"}
    return body


def sign_in(port, email):
    c = feeds_seed.Client(f"http://127.0.0.1:{port}")
    password = "bench-password-123"
    c.call("POST", "/api/v1/auth/register", {"email": email, "password": password, "displayName": "Bench"})
    status, _ = c.call("POST", "/api/v1/auth/login", {"email": email, "password": password})
    if status != 200:
        sys.exit(f"login failed: {status}")
    status, token = c.call("POST", "/api/v1/me/tokens", {"name": "bench"})
    if status != 201:
        sys.exit(f"token failed: {status} {token}")
    c.token = token["token"]
    return c


def import_file(c, org, bodies):
    """One import job, polled until it ends; exits on anything but DONE."""
    data = "\n".join(json.dumps(b, ensure_ascii=False) for b in bodies).encode()
    request = urllib.request.Request(f"{c.base}/api/v1/organizations/{org}/events/import", data=data, method="POST",
                                     headers={"Content-Type": "application/x-ndjson", "Accept": "application/json",
                                              "Authorization": "Bearer " + c.token})
    with urllib.request.urlopen(request, timeout=300) as response:
        location, job = response.headers["Location"], json.loads(response.read())
    while job["state"] in ("CHECKING", "WRITING"):
        time.sleep(0.2)
        job = c.call("GET", location)[1]
    if job["state"] != "DONE":
        sys.exit(f"import failed: {json.dumps(job)[:2000]}")
    return job


def seed(port, events, org, email, kind="synthetic", file_lines=10_000, name="Bench"):
    c = sign_in(port, email)
    status, _ = c.call("GET", f"/api/v1/organizations/{org}")
    if status != 404:
        print(f"organization {org} exists: nothing imported", file=sys.stderr)
        return c.token
    status, answer = c.call("POST", "/api/v1/organizations", {"name": name, "slug": org})
    if status != 201:
        sys.exit(f"organization failed: {status} {answer}")
    today = datetime.date.today()
    feeds_seed.ARGS = argparse.Namespace(events=events)  # feeds_seed.event spreads its days over ARGS.events
    make = (lambda i: synthetic(i, org, today)) if kind == "synthetic" else (lambda i: feeds_seed.event(i, org))
    began = time.monotonic()
    for first in range(0, events, file_lines):
        lines = range(first, min(first + file_lines, events))
        sent = time.monotonic()
        job = import_file(c, org, [make(i) for i in lines])
        print(f"imported {job['written']} events ({lines.start}..{lines.stop - 1}) in {time.monotonic() - sent:.1f} s",
              file=sys.stderr)
    if events:
        took = time.monotonic() - began
        print(f"seeding: {events} events through the import in {took:.1f} s, {events / took:,.0f} events/s",
              file=sys.stderr)
    return c.token


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--events", type=int, required=True)
    p.add_argument("--org", default="bench-generated")
    p.add_argument("--name", default="Bench")
    p.add_argument("--email", default="bench@tocsin.invalid")
    p.add_argument("--kind", choices=["synthetic", "feeds"], default="synthetic")
    p.add_argument("--file-lines", type=int, default=10_000)
    a = p.parse_args()
    print(seed(a.port, a.events, a.org, a.email, a.kind, a.file_lines, a.name))


if __name__ == "__main__":
    main()
