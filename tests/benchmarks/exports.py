"""Benchmark of exports: the whole bench campaign as CSV, GeoJSON and GeoPackage (`make bench`).

Each export takes the real path of a large one: an `ExportJob` queued as the export view queues it,
written by the queue's real worker (`manage.py worker --batch`, a process of its own, which exits
once the queue is empty). The worker's peak resident memory comes from the kernel (`os.wait4`'s
ru_maxrss, the VmHWM of that process), beside an idle worker's, which is Django's own; the time
is the task's, as the queue recorded its start and end. The goal (issue 13): the export streams,
the worker stays under 200 MB whatever the number of rows. The CSV is exported a second time with
server-side cursors off (tests/benchmarks/settings_no_cursors.py), as behind PgBouncer.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

from tests.benchmarks.report import header, row

CAMPAIGN = "tesoma-together"
RSS_GOAL_MB = 200
ROOT = Path(__file__).resolve().parents[2]


def worker(env: dict[str, str]) -> tuple[float, float, int]:
    """Runs the queue's worker until the queue is empty: (peak RSS in MB, seconds, exit status)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--batch", "--no-startup-delay", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, process.returncode


def rows_in_file(fmt: str, path: Path) -> int | None:
    """The rows a reader finds in the file: CSV lines less the header (the synthetic bodies have
    no line breaks), GeoPackage features; None for GeoJSON (parsing a million features would
    cost more than the export)."""
    if fmt == "csv":
        with path.open("rb") as file:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1
    if fmt == "gpkg":
        with sqlite3.connect(path) as db:
            tables = [name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")]
            return sum(db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    return None


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from engagement.interop.exports.jobs import export_job_run
    from engagement.models import Contribution, ExportJob

    user, _ = get_user_model().objects.get_or_create(username="bench-exporter")
    total = Contribution.objects.filter(campaign__slug=CAMPAIGN).count()
    media = Path(tempfile.mkdtemp(prefix="yhdessa-bench-exports-"))
    env = {"MEDIA_ROOT": str(media)}
    header(f"exports: {total} contributions of {CAMPAIGN}, written by the queue's worker")
    try:
        worker(env)  # whatever earlier benchmarks left queued (notifications) goes first
        idle_mb, idle_seconds, _status = worker(env)
        row("worker, idle (Django loaded, empty queue)", f"RSS {idle_mb:.0f} MB",
            comparator=f"{idle_seconds:.1f} s to start and stop")  # fmt: skip
        # The last, as behind PgBouncer in transaction mode: no server-side cursor, so the rows
        # are read in chunks by id (engagement.interop.exports.selectors.rows_in_chunks).
        no_cursors = {
            "DJANGO_SETTINGS_MODULE": "tests.benchmarks.settings_no_cursors",
            "BENCH_BASE_SETTINGS": os.environ["DJANGO_SETTINGS_MODULE"],
        }
        for fmt, name, settings in (
            ("csv", "CSV", {}),
            ("geojson", "GeoJSON", {}),
            ("gpkg", "GeoPackage", {}),
            ("csv", "CSV without cursors", no_cursors),
        ):
            with transaction.atomic():
                job = ExportJob.objects.create(
                    user=user,
                    format=fmt,
                    query=f"campaign={CAMPAIGN}",
                    exact=False,
                    language="fi",
                    url_prefix="http://127.0.0.1/fi/contributions/",
                )
                task = export_job_run.enqueue(str(job.pk))
            peak_mb, _wall, status = worker({**env, **settings})
            job.refresh_from_db()
            result = DBTaskResult.objects.get(id=task.id)
            if result.finished_at and result.started_at:
                seconds = (result.finished_at - result.started_at).total_seconds()
            else:  # not run by this worker (another took it)
                seconds = float("nan")
            path = media / job.file if job.file else None
            ready = job.status == ExportJob.Status.READY and path is not None and status == 0
            size_mb = path.stat().st_size / 2**20 if ready else 0.0
            found = rows_in_file(fmt, path) if ready else None
            complete = ready and job.rows == total and found in (None, total)
            note = (
                "" if complete else f"; NOT COMPLETE: {job.status}, {job.rows} rows, {found} read"
            )
            row(
                f"export {name} of {total} (worker)",
                f"RSS {peak_mb:.0f} MB, {seconds:.1f} s",
                f"streams, RSS < {RSS_GOAL_MB} MB",
                f"{size_mb:.0f} MB file, {total / seconds:,.0f} rows/s, {size_mb / seconds:.1f} "
                f"MB/s; idle worker {idle_mb:.0f} MB{note}",
                complete and peak_mb < RSS_GOAL_MB,
            )
            result.delete()
            job.delete()
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
