#!/usr/bin/env python3
"""Bulk import benchmark (standard library only): events/s through the NDJSON import beside the
single-event API, in the same run, against the same server.

  import_bench.py --port P --events N [--baseline B] [--file-lines L]

Signs up an organizer, creates an organization and a token, then
  1. baseline: B events through POST /api/v1/events, 4 at a time (how seeding worked before);
  2. bulk: N events through POST /api/v1/organizations/{slug}/events/import in files of L lines,
     one after another (one import runs at a time per replica), polling each job until DONE.
The mix is the discovery benchmark's: 55-odd cities on four continents, a fifth in Persian, one in
twenty a weekly series of 6, the next 365 days. Only ever against 127.0.0.1; the server must run
with --tocsin.secure-cookies=false and --tocsin.rate-limits.enabled=false.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import random
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from feeds_seed import Client  # noqa: E402  (the same small API client)

CITIES = [("Berlin", "DE", "Europe/Berlin", 52.52, 13.405), ("London", "GB", "Europe/London", 51.507, -0.128),
          ("Toronto", "CA", "America/Toronto", 43.653, -79.383), ("Tehran", "IR", "Asia/Tehran", 35.689, 51.389),
          ("Los Angeles", "US", "America/Los_Angeles", 34.052, -118.244),
          ("Sydney", "AU", "Australia/Sydney", -33.869, 151.209), ("Paris", "FR", "Europe/Paris", 48.857, 2.352),
          ("Zahedan", "IR", "Asia/Tehran", 29.496, 60.863), ("Stockholm", "SE", "Europe/Stockholm", 59.329, 18.069),
          ("São Paulo", "BR", "America/Sao_Paulo", -23.551, -46.633)]
CITIES += [(f"Town {k}", "DE", "Europe/Berlin", 48 + k * 0.1, 9 + k * 0.1) for k in range(45)]
TITLES = ["Vigil for political prisoners", "Rally against executions", "March for Woman, Life, Freedom",
          "Vigil for imprisoned teachers", "شب‌زنده‌داری برای زندانیان سیاسی"]
KINDS = ["VIGIL", "RALLY", "MARCH", "MEETING", "SCREENING"]


def event(i, org, today):
    r = random.Random(i)
    city, country, zone, lat, lon = CITIES[r.randrange(len(CITIES))]
    start = datetime.datetime.combine(today + datetime.timedelta(days=1 + r.randrange(365)),
                                      datetime.time(10 + r.randrange(10)))
    body = {"organization": org, "title": f"{TITLES[r.randrange(len(TITLES))]} in {city}",
            "description": "Bring candles and photographs; we read the names of prisoners facing execution.",
            "kind": KINDS[r.randrange(len(KINDS))], "start": start.isoformat(timespec="minutes"),
            "end": (start + datetime.timedelta(hours=2)).isoformat(timespec="minutes"), "timeZone": zone,
            "place": {"venue": "Main square", "city": city, "countryCode": country,
                      "lat": lat + (r.random() - 0.5) * 0.09, "lon": lon + (r.random() - 0.5) * 0.09},
            "tags": ["generated"], "languages": ["en", "fa"]}
    if i % 20 == 0:
        body["recurrence"] = {"rrule": "FREQ=WEEKLY;COUNT=6"}
    return body


def cpu_seconds(pid):
    """The server's CPU time so far (user + system): on a shared machine, events per CPU-second is the
    figure that does not depend on how much of the machine others take."""
    if not pid:
        return 0.0
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post_ndjson(c, path, data):
    request = urllib.request.Request(c.base + path, data=data, method="POST", headers={
        "Content-Type": "application/x-ndjson", "Accept": "application/json",
        "Authorization": "Bearer " + c.token})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.headers["Location"], json.loads(response.read())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--events", type=int, default=20_000)
    p.add_argument("--baseline", type=int, default=1_000)
    p.add_argument("--file-lines", type=int, default=10_000)
    p.add_argument("--pid", type=int, default=0, help="the server's process id, for its CPU time")
    a = p.parse_args()
    c = Client(f"http://127.0.0.1:{a.port}")
    email, password = f"import-bench-{time.time_ns()}@tocsin.invalid", "bench-password-123"
    c.call("POST", "/api/v1/auth/register", {"email": email, "password": password, "displayName": "Bench"})
    if c.call("POST", "/api/v1/auth/login", {"email": email, "password": password})[0] != 200:
        sys.exit("login failed")
    status, token = c.call("POST", "/api/v1/me/tokens", {"name": "bench"})
    c.token = token["token"]
    org = f"import-bench-{time.time_ns()}"
    status, answer = c.call("POST", "/api/v1/organizations", {"name": "Import bench", "slug": org})
    if status != 201:
        sys.exit(f"organization failed: {status} {answer}")
    today = datetime.date.today()

    if a.baseline:
        def create(i):
            # Up to 3 tries: on a saturated machine the recurrence check's 2 s deadline can pass (a 400).
            for _ in range(3):
                s, answer = c.call("POST", "/api/v1/events", event(i, org, today))
                if s == 201:
                    return
            raise SystemExit(f"event {i} failed: {s} {answer}")
        began, cpu = time.monotonic(), cpu_seconds(a.pid)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(create, range(a.baseline)))
        took, cpu = time.monotonic() - began, cpu_seconds(a.pid) - cpu
        print(f"baseline  POST /api/v1/events x{a.baseline} (4 concurrent): {took:.1f} s, {a.baseline / took:,.0f} events/s"
              + (f"; server CPU {cpu:.1f} s, {a.baseline / cpu:,.0f} events per CPU-second" if cpu else ""))

    cpu = cpu_seconds(a.pid)
    jobs = []
    for first in range(a.baseline, a.baseline + a.events, a.file_lines):
        lines = range(first, min(first + a.file_lines, a.baseline + a.events))
        data = "\n".join(json.dumps(event(i, org, today), ensure_ascii=False) for i in lines).encode()
        sent = time.monotonic()
        status, location, job = post_ndjson(c, f"/api/v1/organizations/{org}/events/import", data)
        while job["state"] in ("CHECKING", "WRITING"):
            time.sleep(0.05)
            job = c.call("GET", location)[1]
        if job["state"] != "DONE":
            sys.exit(f"import failed: {json.dumps(job)[:2000]}")
        jobs.append((len(lines), time.monotonic() - sent, len(data), job_seconds(job)))
    # Timed from sending each file to seeing its job DONE: this script's own making of the files is left out.
    took, cpu = sum(job[1] for job in jobs), cpu_seconds(a.pid) - cpu
    on_server = sum(job[3] for job in jobs)
    for n, seconds, size, server in jobs:
        print(f"  file of {n} lines ({size / 1e6:.1f} MB): {seconds:.1f} s, {n / seconds:,.0f} events/s"
              f" (the job itself {server:.1f} s, {n / server:,.0f} events/s)")
    print(f"bulk      import x{a.events} in {len(jobs)} files: {took:.1f} s, {a.events / took:,.0f} events/s"
          f" (jobs {on_server:.1f} s, {a.events / on_server:,.0f} events/s)"
          + (f"; server CPU {cpu:.1f} s, {a.events / cpu:,.0f} events per CPU-second" if cpu else ""))


def job_seconds(job):
    """From the job's creation (the file received) to its last update (DONE), by the server's clock."""
    def at(text):
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (at(job["updatedAt"]) - at(job["createdAt"])).total_seconds()


if __name__ == "__main__":
    main()
