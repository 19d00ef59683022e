"""The uploaded files of the default storage (an S3 bucket) as a tar.gz, and back.

platform/backup.sh tars MEDIA_ROOT itself; with media in a bucket it has no folder to tar, so it
runs `media_archive export` instead, through the storage's own API. The archive has the layout a
tar of MEDIA_ROOT has (photos/2026/12/abc.jpg), so a backup made from a bucket restores into a
folder and the other way round. `import` makes the storage hold exactly the archive's files.
"""

import tarfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.uploads import storage_files


def archive_export(storage: Storage, path: Path) -> int:
    """Writes every file of `storage` into the tar.gz at `path`, one file at a time; how many."""
    names = storage_files(storage)
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            member = tarfile.TarInfo(name)
            member.size = storage.size(name)
            member.mtime = int(storage.get_modified_time(name).timestamp())
            member.mode = 0o644
            with storage.open(name, "rb") as file:
                archive.addfile(member, file)
    return len(names)


def _members(archive: tarfile.TarFile) -> list[tuple[str, tarfile.TarInfo]]:
    """The archive's files by storage name; links, folders and names leaving the root are not."""
    found = []
    for member in archive.getmembers():
        name = member.name.removeprefix("./")
        parts = name.split("/")
        if member.isfile() and name and not name.startswith("/") and ".." not in parts:
            found.append((name, member))
    return found


def archive_import(storage: Storage, path: Path) -> int:
    """Makes `storage` hold exactly the files of the tar.gz at `path`; how many it wrote.

    The archive is read through once before anything is written (gzip checks its sum at the
    end), so a broken archive changes nothing; files not in the archive are deleted last.
    """
    with tarfile.open(path, "r:gz") as archive:
        for _name, member in _members(archive):
            source = archive.extractfile(member)
            while source.read(1 << 20):
                pass
    with tarfile.open(path, "r:gz") as archive:
        members = _members(archive)
        for name, member in members:
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise CommandError(f"{name} was stored as {saved}")
    names = {name for name, _member in members}
    for name in set(storage_files(storage)) - names:
        storage.delete(name)
    return len(members)


class Command(BaseCommand):
    help = "Export the uploaded files of the default storage into a tar.gz, or import one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("archive", type=Path)

    def handle(self, *args: object, action: str, archive: Path, **options: object) -> None:
        if action == "export":
            count = archive_export(default_storage, archive)
        else:
            if not archive.is_file():
                raise CommandError(f"{archive} is not a file")
            count = archive_import(default_storage, archive)
        self.stdout.write(f"{count} files")
