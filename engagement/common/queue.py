"""Handing work to the task queue so that it stands or falls with the change that asks for it.

With the database backend (the default) a task is a row written in the current transaction: a
rollback drops it, and the worker sees it only once the change it is about is committed. A backend
outside the database (Redis, or the immediate one of tests) is told after the commit instead, so
its worker never looks for a change that is not there (docs/decisions/0011-task-queue.md).
"""

from datetime import datetime
from typing import Any

from django.db import transaction
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.backends.dummy import DummyBackend
from django_tasks.base import Task


def backend_is_transactional(backend: BaseTaskBackend) -> bool:
    """True when the task's row is written in the database's transaction (or nowhere: dummy)."""
    from django_tasks_db import DatabaseBackend

    return isinstance(backend, DatabaseBackend | DummyBackend)


def enqueue_atomically(
    task: Task, *args: Any, run_after: datetime | None = None, **kwargs: Any
) -> None:
    """Queue `task(*args, **kwargs)` as part of the current transaction (arguments as JSON).

    The immediate backend (tests) runs it at the commit, as the worker would after it.
    `run_after` defers it; a backend that cannot defer (the immediate one) skips a deferred
    task, which is only ever a retry or a periodic run that the worker would make."""
    backend = task.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            return
        task = task.using(run_after=run_after)
    if backend_is_transactional(backend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
