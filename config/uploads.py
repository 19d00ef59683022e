"""The sweep of uploaded files that no row refers to: what a killed or failed request left.

Why files can be orphaned: a photo's files are written by the storage when its row is saved,
inside the submission's transaction, that is before the transaction commits. If the worker is
killed (SIGKILL, out of memory, a timeout) or the database fails between that write and the
commit, PostgreSQL rolls the rows back but the files stay on disk. Deleting a contribution (an
account removed with its contributions, a moderator's cleanup) also leaves its files: rows are
deleted by cascade, files are not.

The design: files are written under their final random names as before (no staging folder, so a
committed row always has its file, and serving is unchanged), and this sweep deletes every file
under an upload folder that no row names and that is older than `ORPHAN_AGE`. The age protects a
file whose transaction is still open: a web request's transaction lives at most as long as
gunicorn's timeout (30 s by default), far less than an hour. A file is listed before the rows are
read, so a row committed during the sweep keeps its file.

The folders are those of every model's FileField (`upload_to` up to its first date pattern), found
through the app registry, so photos of contributions and of pilots, and the toolkit's videos and
captions, are all covered without this module importing any app. Run it on the task queue
(`config.uploads.photos_sweep_task` in PERIODIC_TASKS, hourly) or `manage.py photos_sweep`.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.core.files.storage import Storage
from django.db import models
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ORPHAN_AGE = timedelta(hours=1)


def _file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def _folder(upload_to: str) -> str:
    """The fixed part of `upload_to`: "photos/%Y/%m/thumbs/" is swept from "photos/"."""
    fixed = upload_to.split("%", 1)[0]
    return fixed.rsplit("/", 1)[0] + "/" if "/" in fixed else ""


def _folders_by_storage() -> list[tuple[Storage, list[str]]]:
    """Each storage with the outermost upload folders in it (a callable upload_to is skipped)."""
    found: dict[int, tuple[Storage, set[str]]] = {}
    for _model, field in _file_fields():
        if callable(field.upload_to):
            continue
        folder = _folder(str(field.upload_to))
        if not folder:  # files at the storage's top: too close to other things to sweep
            continue
        found.setdefault(id(field.storage), (field.storage, set()))[1].add(folder)
    result = []
    for storage, folders in found.values():
        outermost = [f for f in folders if not any(f != o and f.startswith(o) for o in folders)]
        result.append((storage, sorted(outermost)))
    return result


def storage_files(storage: Storage, folder: str = "") -> list[str]:
    """Every file name under `folder` of `storage`, sorted, through listdir.

    Listed, not asked whether it exists: a bucket has no folders (S3's exists() of a prefix is
    False), and its listdir of a missing prefix is empty where the file system's raises."""
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in dirs:
        names.extend(storage_files(storage, f"{folder}{sub}/"))
    return sorted(names)


def _referenced() -> set[str]:
    names: set[str] = set()
    for model, field in _file_fields():
        names.update(
            model._base_manager.exclude(**{f"{field.attname}__isnull": True})
            .exclude(**{field.attname: ""})
            .values_list(field.attname, flat=True)
        )
    return names


def photos_sweep(*, older_than: timedelta = ORPHAN_AGE) -> list[str]:
    """Delete uploaded files no row refers to, older than `older_than`; the names deleted."""
    cutoff = timezone.now() - older_than
    candidates = [
        (storage, name)
        for storage, folders in _folders_by_storage()
        for folder in folders
        for name in storage_files(storage, folder)
    ]
    # Read after listing: a row committed meanwhile names its file, which is then kept.
    referenced = _referenced()
    deleted = []
    for storage, name in candidates:
        if name in referenced:
            continue
        try:
            if storage.get_modified_time(name) >= cutoff:
                continue  # perhaps its transaction is still open
            storage.delete(name)
        except FileNotFoundError:
            continue  # removed by someone else meanwhile
        deleted.append(name)
    if deleted:
        logger.info("photos_sweep deleted %d orphan files", len(deleted))
    return deleted


@task()
def photos_sweep_task() -> dict[str, int]:
    """Periodic (hourly): the sweep with the default age."""
    return {"deleted": len(photos_sweep())}
