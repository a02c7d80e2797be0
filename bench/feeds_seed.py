#!/usr/bin/env python3
"""The feeds benchmark's events and a small API client (standard library only).

  feeds_seed.py --port P --events N --org SLUG --email E

Signs up E (or logs in when it exists), creates the organization SLUG and N events in it the way
organizers do: a tenth weekly series, a third in Persian, zones and cities from four continents,
some online; through the bulk NDJSON import (import_seed.py --kind feeds, which bench/feeds-bench.sh
calls). Prints an API token for the account (for later PATCHes). Only ever against 127.0.0.1.
The server must run with --tocsin.secure-cookies=false (plain http) and rate limits off.
"""
import argparse
import datetime
import http.cookiejar
import json
import sys
import urllib.error
import urllib.request

CITIES = [("Berlin", "DE", "Europe/Berlin", 52.52, 13.405), ("Tehran", "IR", "Asia/Tehran", 35.6892, 51.389),
          ("Toronto", "CA", "America/Toronto", 43.6532, -79.3832),
          ("Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093),
          ("Los Angeles", "US", "America/Los_Angeles", 34.0522, -118.2437),
          ("Zahedan", "IR", "Asia/Tehran", 29.4963, 60.8629)]
TITLES = ["Vigil for political prisoners", "Rally against executions", "March for Women, Life, Freedom",
          "تجمع در حمایت از زندانیان سیاسی", "شب‌زنده‌داری برای اعدام‌شدگان", "Teachers' solidarity meeting"]


class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.token = None

    def call(self, method, path, body=None):
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        else:
            xsrf = next((c.value for c in self.jar if c.name == "XSRF-TOKEN"), None)
            if xsrf is None and method != "GET":
                self.call("GET", "/api/v1/auth/csrf")
                xsrf = next(c.value for c in self.jar if c.name == "XSRF-TOKEN")
            if xsrf:
                headers["X-XSRF-TOKEN"] = xsrf
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                text = response.read()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")


def event(i, org):
    city, country, zone, lat, lon = CITIES[i % len(CITIES)]
    day = datetime.date.today() + datetime.timedelta(days=2 + i * 300 // max(1, ARGS.events))
    body = {"organization": org, "title": f"{TITLES[i % len(TITLES)]} #{i}", "kind": "VIGIL",
            "description": "Bring candles and the names of the prisoners. " * 4,
            "start": f"{day}T18:00", "end": f"{day}T19:30", "timeZone": zone,
            "place": {"venue": f"Square {i}", "city": city, "countryCode": country, "lat": lat, "lon": lon},
            "tags": ["bench"], "languages": ["en", "fa"]}
    if i % 10 == 0:
        body["recurrence"] = {"rrule": "FREQ=WEEKLY;COUNT=20"}
    if i % 7 == 0:
        body["online"] = {"url": f"https://meet.example.org/bench-{i}", "platform": "Jitsi"}
    return body


def main():
    """Kept for the command line above: the seeding itself goes through the bulk import (import_seed.py)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--org", default="feed-bench")
    parser.add_argument("--email", default="bench@tocsin.invalid")
    a = parser.parse_args()
    import import_seed  # here, not above: import_seed imports this module
    print(import_seed.seed(a.port, a.events, a.org, a.email, kind="feeds", name="Feed bench"))


if __name__ == "__main__":
    main()
