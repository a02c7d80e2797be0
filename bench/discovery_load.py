#!/usr/bin/env python3
"""Load generator for GET /api/v1/events (standard library only).

  paths  --kind K               print the request paths of a query kind, URL-encoded (for wrk)
  open   --kind K --rate R      open model: requests start at a fixed rate whatever the answers do;
                                latency counts from the moment a request was due, so a stall shows
                                up in p99 instead of silently lowering the rate (coordinated omission)
  closed --kind K --connections C
                                closed model: C keep-alive connections, each sends its next request
                                when the previous answer is read; gives the saturation throughput

With --path (repeatable) the given paths are requested instead of a kind's, and --header
(repeatable, "Name: value") adds request headers: bench/feeds-bench.sh uses both for feeds.

Kinds: city (city=&country=), near (near=lat,lon&radiusKm=25), q (q=, English and Persian words),
rare (q= words that match few or no events: the worst case of the in-process index).
Only ever point it at 127.0.0.1.
"""
import argparse
import asyncio
import itertools
import statistics
import sys
import time
import urllib.parse

CITIES = [("Berlin", "DE", 52.52, 13.405), ("London", "GB", 51.5074, -0.1278), ("Toronto", "CA", 43.6532, -79.3832),
          ("Tehran", "IR", 35.6892, 51.389), ("Los Angeles", "US", 34.0522, -118.2437),
          ("Sydney", "AU", -33.8688, 151.2093), ("Paris", "FR", 48.8566, 2.3522), ("Zahedan", "IR", 29.4963, 60.8629),
          ("Stockholm", "SE", 59.3293, 18.0686), ("São Paulo", "BR", -23.5505, -46.6333)]
WORDS = ["teachers", "journalists", "زندانیان", "سفارت", "kurdish", "vigil", "اعدام", "workers"]
# Words in no or almost no event: the index walks its whole timeline to find fewer than a page.
RARE = ["tribunal", "hunger", "zahed", "دادگاه", "nomatch", "زاهدان"]


def paths(kind):
    if kind == "city":
        params = [{"city": c, "country": cc} for c, cc, _, _ in CITIES]
    elif kind == "near":
        params = [{"near": f"{lat},{lon}", "radiusKm": "25"} for _, _, lat, lon in CITIES]
    elif kind == "q":
        params = [{"q": w} for w in WORDS]
    elif kind == "rare":
        params = [{"q": w} for w in RARE]
    else:
        raise SystemExit(f"unknown kind {kind}")
    return ["/api/v1/events?" + urllib.parse.urlencode(p) for p in params]


class Connection:
    """One HTTP/1.1 keep-alive connection; enough of the protocol for these JSON answers."""

    def __init__(self, host, port, headers=()):
        self.host, self.port = host, port
        self.extra = "".join(f"{h}\r\n" for h in headers) or "Accept: application/json\r\n"
        self.reader = self.writer = None

    async def get(self, path):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{self.extra}\r\n"
                          .encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def report(label, latencies, errors, elapsed):
    if not latencies:
        print(f"{label}: no answers, {errors} errors")
        return
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"{label}: {len(latencies)} requests in {elapsed:.1f} s = {len(latencies) / elapsed:.0f}/s, "
          f"p50 {q[49]:.1f} ms, p90 {q[89]:.1f} ms, p99 {q[98]:.1f} ms, max {max(latencies):.1f} ms, "
          f"errors {errors}")


async def run_open(host, port, kind, rate, duration, warmup, targets, headers):
    pool, latencies, errors = [], [], 0
    cycle = itertools.cycle(targets)
    tasks = set()

    async def one(due, path, measured):
        nonlocal errors
        conn = pool.pop() if pool else Connection(host, port, headers)
        try:
            status = await conn.get(path)
            if measured:
                if status in (200, 304):
                    latencies.append((time.perf_counter() - due) * 1000)
                else:
                    errors += 1
            pool.append(conn)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            conn.close()
            errors += measured

    start = time.perf_counter()
    total = int(rate * (warmup + duration))
    for i in range(total):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(due, next(cycle), i >= rate * warmup))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)
    # Elapsed from the first measured send to the last answer: longer than the duration when the server fell behind.
    report(f"open {kind} @ {rate:g}/s offered", latencies, errors, time.perf_counter() - start - warmup)


async def run_closed(host, port, kind, connections, duration, warmup, targets, headers):
    latencies, errors = [], 0
    cycle = itertools.cycle(targets)
    begin = time.perf_counter()
    measure_from, end = begin + warmup, begin + warmup + duration

    async def worker():
        nonlocal errors
        conn = Connection(host, port, headers)
        while (now := time.perf_counter()) < end:
            status = await conn.get(next(cycle))
            if now >= measure_from:
                if status in (200, 304):
                    latencies.append((time.perf_counter() - now) * 1000)
                else:
                    errors += 1
        conn.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    report(f"closed {kind} x{connections}", latencies, errors, duration)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["paths", "open", "closed"])
    parser.add_argument("--kind", default="city")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=float, default=20, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3, help="seconds sent but not measured")
    parser.add_argument("--path", action="append", help="request this path instead of a kind's (repeatable)")
    parser.add_argument("--header", action="append", default=[], help='"Name: value" (repeatable)')
    a = parser.parse_args()
    targets = a.path or paths(a.kind)
    kind = "feed" if a.path else a.kind
    if a.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load tests only against this machine (127.0.0.1)")
    if a.mode == "paths":
        print("\n".join(paths(a.kind)))
    elif a.mode == "open":
        asyncio.run(run_open(a.host, a.port, kind, a.rate, a.duration, a.warmup, targets, a.header))
    else:
        asyncio.run(run_closed(a.host, a.port, kind, a.connections, a.duration, a.warmup, targets, a.header))


if __name__ == "__main__":
    main()
