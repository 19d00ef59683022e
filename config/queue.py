"""The worker's side of the task queue: periodic runs, shutdown, and tasks whose worker died.

django-tasks runs tasks but schedules nothing; `manage.py worker` and this module keep exactly
one waiting run of each task in `settings.PERIODIC_TASKS`: the worker adds the missing ones when
it starts, and each periodic run, as it starts, schedules the next one. A task that a killed
worker left "running" is found by `tasks_housekeeping` and run again: every task here is written
to be idempotent (docs/decisions/0011-task-queue.md).
"""

import hashlib
import logging
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connection, transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResult, TaskResultStatus, task
from django_tasks.base import Task
from django_tasks.signals import task_started
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

# Set by the worker on SIGTERM/SIGINT: a long task (a delivery batch) stops at its next step and
# leaves the rest queued, so `docker stop` does not have to kill it.
STOP = threading.Event()
# A task whose worker was lost this many times is marked failed rather than run again.
MAX_LOST_WORKERS = 3


def stop_requested() -> bool:
    """True once the worker has been asked to stop."""
    return STOP.is_set()


def periodic_tasks() -> dict[str, tuple[Task, float]]:
    """settings.PERIODIC_TASKS as {stored task path: (task, interval in seconds)}."""
    found = {}
    for path, seconds in settings.PERIODIC_TASKS:
        periodic = import_string(path)
        found[periodic.module_path] = (periodic, float(seconds))
    return found


@checks.register()
def check_periodic_tasks(**kwargs: Any) -> list[checks.CheckMessage]:
    """Each PERIODIC_TASKS entry names a task and a positive interval, or the worker refuses."""
    errors = []
    for entry in settings.PERIODIC_TASKS:
        path, seconds = entry
        try:
            periodic = import_string(path)
        except ImportError as error:
            periodic = error
        if not isinstance(periodic, Task) or not float(seconds) > 0:
            errors.append(
                checks.Error(
                    f"PERIODIC_TASKS entry {entry!r}: not a @task with an interval in seconds",
                    id="yhdessa.E011",
                )
            )
    return errors


def _lock(name: str) -> None:
    """Serialise schedulers (several workers) on one name until the transaction ends."""
    key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def periodic_schedule(periodic: Task, *, delay: float, interval: float | None = None) -> bool:
    """Queue one run of `periodic` in `delay` seconds unless one is already waiting (then only
    bring it forward to `interval` from now if it waits longer). True if a run was added."""
    backend = periodic.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False  # another backend runs its own scheduler
    now = timezone.now()
    with transaction.atomic():
        _lock(f"periodic:{periodic.module_path}")
        waiting = DBTaskResult.objects.filter(
            task_path=periodic.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        )
        if waiting.exists():
            if interval is not None:
                latest = now + timedelta(seconds=interval)
                waiting.filter(run_after__gt=latest).exclude(run_after=get_date_max()).update(
                    run_after=latest
                )
            return False
        if delay > 0:
            periodic = periodic.using(run_after=now + timedelta(seconds=delay))
        periodic.enqueue()
    return True


def periodic_schedule_all() -> int:
    """At the worker's start: a run now for each periodic task that has none waiting."""
    return sum(
        periodic_schedule(periodic, delay=0, interval=seconds)
        for periodic, seconds in periodic_tasks().values()
    )


@receiver(task_started)
def _schedule_next_run(sender: Any, task_result: TaskResult, **kwargs: Any) -> None:
    """A periodic run schedules the next as it starts, so neither its failure nor a killed
    worker ends the series."""
    try:
        entry = periodic_tasks().get(task_result.task.module_path)
        if entry is not None:
            periodic_schedule(entry[0], delay=entry[1])
    except Exception:  # the run itself must go on; the worker's next start schedules again
        logger.exception("Could not schedule the next run of %s", task_result.task.module_path)


def tasks_requeue_stale() -> tuple[int, int]:
    """Run again each task still "running" TASKS_STALE_SECONDS after it started: its worker was
    killed. A periodic run is not repeated (the next one is already queued), nor a task that
    lost its worker MAX_LOST_WORKERS times (it may be what kills them). (requeued, failed)"""
    cutoff = timezone.now() - timedelta(seconds=settings.TASKS_STALE_SECONDS)
    periodic = set(periodic_tasks())
    requeued = failed = 0
    with transaction.atomic():
        stale = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        )
        for row in stale:
            if row.task_path in periodic or len(row.worker_ids) >= MAX_LOST_WORKERS:
                row.status = TaskResultStatus.FAILED
                row.finished_at = timezone.now()
                row.exception_class_path = "config.queue.WorkerLost"
                row.traceback = f"The worker was lost while running it ({row.worker_ids})."
                failed += 1
                logger.error("Task %s %s lost its worker; not run again", row.id, row.task_path)
            else:
                row.status = TaskResultStatus.READY
                row.run_after = timezone.now()
                requeued += 1
                logger.warning("Task %s %s lost its worker; queued again", row.id, row.task_path)
            row.save()
    return requeued, failed


@task()
def tasks_housekeeping() -> dict[str, int]:
    """Periodic: run again what killed workers left, and forget old finished tasks."""
    requeued, failed = tasks_requeue_stale()
    cutoff = timezone.now() - timedelta(days=settings.TASKS_KEEP_DAYS)
    pruned, _by_model = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    ).delete()
    return {"requeued": requeued, "failed": failed, "pruned": pruned}
