"""Load test: simulated residents against the real app under gunicorn (`make bench`, not tests).

LOAD_USERS (200) residents for LOAD_SECONDS (60) s, each with its own cookie jar and its own
address (X-Forwarded-For, the app started with NUM_PROXIES=1 as behind a proxy, so every limit
applies per resident), mix map reads (the GeoJSON API with a bounding box), the campaign's list
page, contribution pages, anonymous submissions (JSON), supports and flags, thinking about
LOAD_THINK (2.0) s on average between two requests. The app is started as `make run` starts it
(platform/gunicorn.conf.py: its workers and threads) on LOAD_PORT (a free one by default; one in
use is refused), over the database in DATABASE_URL, which `make bench` fills with the demo and
`seed_synthetic`.

Afterwards every 201 (contribution or flag) and every support answered 200 is looked up in the
database. The rows of tests/benchmarks/report.py's table: p95 of reads and of writes < 100 ms
(issue 13), no 5xx and no request without an answer, every accepted write in the database, beside
the requests a second; then one row per kind of request, without a goal. Exits 0 once it has run
to its end: the rows say what is met.
"""

import asyncio
import logging
import os
import random
import shutil
import socket
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import django
import httpx

from tests.benchmarks.report import header, row
from tests.servers import Gunicorn, manage

CAMPAIGN = "tesoma-together"
TITLE_PREFIX = "Load test"
# Kind of request: its weight in the mix.
MIX = {"map": 35, "list": 10, "detail": 20, "submit": 15, "support": 10, "flag": 10}
# Issue 13's goal for the p95 of reads and of writes, on a 2-core machine running database, app
# and this client together.
P95_GOAL_MS = 100
READS = ("map", "list", "detail")


@dataclass
class Run:
    """What the residents did and what they were answered."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    no_answer: Counter = field(default_factory=Counter)  # "kind error" -> requests unanswered
    created: dict[int, str] = field(default_factory=dict)  # contribution id -> title
    flags: set[tuple[int, int]] = field(default_factory=set)  # (user, contribution), 201
    supports: set[tuple[int, int]] = field(default_factory=set)  # (user, contribution), 200
    public_ids: list[int] = field(default_factory=list)  # seen on the map


@dataclass(frozen=True)
class World:
    base_url: str
    themes: list[str]
    points: list[tuple[float, float]]  # inside the campaign's area
    boxes: list[str]  # street-level map views, 150-350 m across, as residents zoom in
    reasons: list[str]
    network: int = field(default_factory=lambda: random.randint(1, 254))


def _percentile(samples: list[float], share: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


class Resident:
    """One simulated resident: a browser with its own cookies and address."""

    def __init__(self, number: int, world: World, run: Run, rng: random.Random) -> None:
        self.number, self.world, self.run, self.rng = number, world, run, rng
        # 10.<run>.<resident>: a new network each run, so counters of an earlier run in the
        # same hour do not count against this one.
        self.address = f"10.{world.network}.{(number >> 8) & 255}.{number & 255}"
        self.sent = 0

    async def act(self, client: httpx.AsyncClient, deadline: float, think: float) -> None:
        kinds, weights = list(MIX), list(MIX.values())
        await asyncio.sleep(self.rng.uniform(0, think))  # residents do not all start at once
        while time.monotonic() < deadline:
            kind = self.rng.choices(kinds, weights)[0]
            await getattr(self, kind)(client)
            await asyncio.sleep(self.rng.expovariate(1 / think) if think else 0)

    async def _send(self, kind: str, client: httpx.AsyncClient, method: str, url: str, **kw):
        headers = {"X-Forwarded-For": self.address}
        if method != "GET":
            headers["Origin"] = self.world.base_url  # as a browser sends on a write
        started = time.perf_counter()
        try:
            response = await client.request(method, url, headers=headers, **kw)
        except httpx.HTTPError as error:
            self.run.no_answer[f"{kind} {type(error).__name__}"] += 1
            return None
        self.run.latencies[kind].append((time.perf_counter() - started) * 1000)
        self.run.statuses[kind][response.status_code] += 1
        return response

    async def map(self, client: httpx.AsyncClient) -> None:
        bbox = self.rng.choice(self.world.boxes)
        params = {"campaign": CAMPAIGN, "bbox": bbox, "limit": 5000}
        response = await self._send("map", client, "GET", "/api/v1/contributions/", params=params)
        # Reading a few hundred kilobytes of GeoJSON costs this client's CPU, which the server
        # shares: once the pool of ids is full, one answer in ten refreshes it.
        refresh = len(self.run.public_ids) < 5000 or self.rng.random() < 0.1
        if response is not None and response.status_code == 200 and refresh:
            ids = [feature["id"] for feature in response.json()["features"][:50]]
            pool = self.run.public_ids
            pool.extend(ids)
            if len(pool) > 5000:
                del pool[: len(pool) - 5000]

    async def list(self, client: httpx.AsyncClient) -> None:
        page = self.rng.randint(1, 5)
        await self._send("list", client, "GET", f"/campaigns/{CAMPAIGN}/", params={"page": page})

    async def detail(self, client: httpx.AsyncClient) -> None:
        pool = self.run.public_ids or list(self.run.created)
        if not pool:
            return await self.map(client)
        await self._send("detail", client, "GET", f"/contributions/{self.rng.choice(pool)}/")

    async def submit(self, client: httpx.AsyncClient) -> None:
        self.sent += 1
        title = f"{TITLE_PREFIX} {self.number}-{self.sent}"
        longitude, latitude = self.rng.choice(self.world.points)
        payload = {
            "campaign": CAMPAIGN,
            "kind": self.rng.choice(["idea", "need"]),
            "theme": self.rng.choice(self.world.themes),
            "title": title,
            "body": "Sent by tests/benchmarks/load.py, a simulated resident.",
            "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        }
        response = await self._send(
            "submit", client, "POST", "/api/v1/contributions/", json=payload
        )
        if response is not None and response.status_code == 201:
            self.run.created[response.json()["id"]] = title

    def _target(self) -> int | None:
        """Supports and flags go to the load test's own contributions, which it deletes."""
        return self.rng.choice(list(self.run.created)) if self.run.created else None

    async def support(self, client: httpx.AsyncClient) -> None:
        pk = self._target()
        if pk is None:
            return await self.submit(client)
        url = f"/api/v1/contributions/{pk}/support/"
        response = await self._send("support", client, "POST", url)
        if response is not None and response.status_code == 200:
            self.run.supports.add((self.number, pk))

    async def flag(self, client: httpx.AsyncClient) -> None:
        pk = self._target()
        if pk is None:
            return await self.submit(client)
        payload = {"reason": self.rng.choice(self.world.reasons), "text": "Load test flag."}
        url = f"/api/v1/contributions/{pk}/flags/"
        response = await self._send("flag", client, "POST", url, json=payload)
        if response is not None and response.status_code == 201:
            self.run.flags.add((self.number, pk))


async def simulate(world: World, users: int, seconds: float, think: float) -> Run:
    run = Run()
    deadline = time.monotonic() + seconds

    async def one(number: int) -> None:
        # One connection per request, as the recommended proxy (nginx) talks to gunicorn; a
        # kept-alive connection that gunicorn closes after 2 s idle would race the next request.
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=world.base_url, timeout=60, limits=limits) as client:
            resident = Resident(number, world, run, random.Random(number))
            await resident.act(client, deadline, think)

    await asyncio.gather(*(one(number) for number in range(users)))
    return run


def _world(base_url: str) -> World:
    from django.contrib.gis.geos import Point

    from engagement.models import Campaign, Flag

    campaign = Campaign.objects.select_related("area").get(slug=CAMPAIGN)
    themes = list(campaign.themes.values_list("slug", flat=True))
    boundary = campaign.area.boundary
    west, south, east, north = boundary.extent
    rng = random.Random(11)
    points: list[tuple[float, float]] = []
    while len(points) < 500:
        point = (round(rng.uniform(west, east), 5), round(rng.uniform(south, north), 5))
        if boundary.contains(Point(*point, srid=4326)):
            points.append(point)
    boxes = []
    for longitude, latitude in points[:200]:
        half_width, half_height = rng.uniform(0.0015, 0.003), rng.uniform(0.0007, 0.0015)
        boxes.append(
            f"{longitude - half_width:.5f},{latitude - half_height:.5f},"
            f"{longitude + half_width:.5f},{latitude + half_height:.5f}"
        )
    return World(base_url, themes, points, boxes, list(Flag.Reason.values))


def _check(run: Run) -> dict[str, tuple[int, int]]:
    """(found in the database, answered) for contributions, flags and supports."""
    from engagement.models import Contribution, Flag, Support

    stored = dict(
        Contribution.objects.filter(pk__in=run.created).values_list("pk", "title").iterator()
    )
    contributions = sum(1 for pk, title in run.created.items() if stored.get(pk) == title)
    flags = Flag.objects.filter(contribution_id__in=run.created, comment=None).count()
    supports = Support.objects.filter(contribution_id__in=run.created).count()
    return {
        "contributions": (contributions, len(run.created)),
        "flags": (flags, len(run.flags)),
        "supports": (supports, len(run.supports)),
    }


def _clean(since: float | None = None) -> None:
    """The load test's contributions go (their supports and flags with them), and the anonymous
    participants it made."""
    from datetime import UTC, datetime

    from engagement.models import Contribution, Participant

    Contribution.objects.filter(title__startswith=f"{TITLE_PREFIX} ").delete()
    if since is not None:
        made = datetime.fromtimestamp(since, tz=UTC)
        Participant.objects.filter(user=None, created_at__gte=made).delete()


def report(
    run: Run, checks: dict, *, users: int, seconds: float, think: float, server: str
) -> bool:
    """The table's rows; True when every goal is met."""
    total = sum(len(samples) for samples in run.latencies.values())
    no_answer = sum(run.no_answer.values())
    statuses: Counter = sum(run.statuses.values(), Counter())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    header(f"load: {users} simulated residents for {seconds:.0f} s against {server}")
    # Each resident waits for an answer, then thinks: a saturated server answers fewer.
    offered = f", asked about {users / think:.0f}/s" if think else ""
    rate = f"{total / seconds:.1f} requests/s served{offered}"
    reads = [ms for kind in READS for ms in run.latencies[kind]]
    writes = [ms for kind in MIX if kind not in READS for ms in run.latencies[kind]]
    verdicts = []
    for name, samples in (("reads", reads), ("writes", writes)):
        p95 = _percentile(samples, 0.95)
        verdicts.append(
            row(
                f"load: p95 of {name} ({len(samples)})",
                f"{p95:.0f} ms",
                f"< {P95_GOAL_MS} ms",
                f"{rate}; p50 {_percentile(samples, 0.5):.0f} ms, "
                f"p99 {_percentile(samples, 0.99):.0f} ms",
                p95 < P95_GOAL_MS,
            ).met
        )
    errors = server_errors + no_answer
    unanswered = ", ".join(f"{kind}: {n}" for kind, n in sorted(run.no_answer.items()))
    verdicts.append(
        row(
            "load: errors (5xx, no answer)",
            f"{server_errors} + {no_answer}",
            "0",
            f"of {total + no_answer} requests{'; ' + unanswered if unanswered else ''}",
            errors == 0,
        ).met
    )
    for name, (found, answered) in checks.items():
        what = "supports answered 200" if name == "supports" else f"{name} answered 201"
        verdicts.append(
            row(
                f"load: {what}, in the database",
                f"{found} of {answered}",
                "all",
                rate,
                found == answered,
            ).met
        )
    for kind in MIX:
        samples = run.latencies[kind]
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(run.statuses[kind].items()))
        row(
            f"load: {kind} (p50, p95)",
            f"{_percentile(samples, 0.5):.0f}, {_percentile(samples, 0.95):.0f} ms",
            comparator=f"{len(samples) / seconds:.1f}/s; status {codes or 'none'}",
        )
    return all(verdicts)


def _free_port(wanted: int) -> int:
    """The port for this run's gunicorn: `wanted` if free (else an error: the residents would
    load whatever server holds it), or one the system picks when 0."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", wanted))
        except OSError as error:
            raise SystemExit(f"LOAD_PORT {wanted} is in use ({error}); choose another") from None
        return probe.getsockname()[1]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    users = int(os.environ.get("LOAD_USERS", "200"))
    seconds = float(os.environ.get("LOAD_SECONDS", "60"))
    think = float(os.environ.get("LOAD_THINK", "2.0"))
    port = _free_port(int(os.environ.get("LOAD_PORT", "0")))
    work = Path(tempfile.mkdtemp(prefix="yhdessa-load-"))
    env = {
        "NUM_PROXIES": "1",  # the simulated residents' addresses come in X-Forwarded-For
        "DEBUG": "false",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    manage("collectstatic", "--noinput", "-v0", env=env)  # as `make run` does
    _clean()
    server = Gunicorn(port=port, env=env, log=work / "gunicorn.log")
    started = time.time()
    load_before = os.getloadavg()[0]
    server.start()
    try:
        run = asyncio.run(simulate(_world(server.base_url), users, seconds, think))
        workers = len(server.workers())
    finally:
        server.stop()
        for copied in ("static", "media"):  # the log stays, for a look at what went wrong
            shutil.rmtree(work / copied, ignore_errors=True)
    described = (
        f"gunicorn {workers} workers x {os.environ.get('GUNICORN_THREADS', '4')} threads, "
        f"port {port} (log {work / 'gunicorn.log'}); {os.cpu_count()} cores, load average "
        f"{load_before:.1f} before the run"
    )
    checks = _check(run)
    report(run, checks, users=users, seconds=seconds, think=think, server=described)
    _clean(since=started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
