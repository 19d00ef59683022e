"""`manage.py worker`: runs the queue's tasks (django-tasks-db's worker) and the periodic ones.

Options are db_worker's (`--interval`, `--queue-name`, `--max-tasks`, `--batch`, `--reload`, ...).
SIGTERM or Ctrl-C: the task being run finishes its current step (a delivery batch stops after
the message in hand and queues the rest), then the worker exits; a second signal stops at once.
A database that goes away (restarts) is waited for, not a crash.
"""

import logging
import os
import time
from types import FrameType
from typing import Any

from django.db import InterfaceError, OperationalError, close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from config.queue import STOP, periodic_schedule_all

logger = logging.getLogger("config.worker")


class Worker(db_worker.Worker):
    """db_worker's loop, with the periodic tasks scheduled at each (re)start and the database's
    absence survived."""

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        STOP.set()
        super().shutdown(signum, frame)

    def run(self) -> None:
        wait = 1.0
        while self.running:
            try:
                added = periodic_schedule_all()
                if added:
                    logger.info("Scheduled %d periodic task(s)", added)
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return
                logger.warning("Database unavailable (%s); trying again in %.0f s", error, wait)
                close_old_connections()
                time.sleep(wait)
                wait = min(wait * 2, 30.0)


class Command(db_worker.Command):
    help = "Run the task queue's worker: e-mail, notifications, exports, periodic tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if options["reload"] and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child process runs tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
