"""`make backup` and `make restore` for real: the scripts dump this test run's own database and
its photo files, restore them into a new database and folder, and every table and file comes
back the same. The restored database is dropped afterwards."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from engagement.models import Contribution
from tests.factories import CommentFactory, PhotoFactory, SupportFactory
from tests.factories.toolkit import PilotPhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent


def _url(name: str) -> str:
    """A libpq URL of the test database's server with another database name."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host") or ""
    if host.startswith("/"):
        return f"postgresql://{auth}@/{name}?host={host}"
    return f"postgresql://{auth}@{host}:{db.get('PORT') or 5432}/{name}"


def _run(script: str, *args: str, database: str, media: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": _url(database), "MEDIA_ROOT": str(media)}
    return subprocess.run(
        [str(ROOT / "platform" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _tables(name: str) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: its row count and a digest of all its rows."""
    with psycopg.connect(_url(name), autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        found = {}
        for table in tables:
            count, digest = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: E501
            ).fetchone()
            found[table] = (count, digest)
        return found


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def media_root(settings, tmp_path):
    """This test's own uploads folder (the suite's is shared by every test)."""
    folder = tmp_path / "media"
    folder.mkdir()
    settings.MEDIA_ROOT = folder
    return folder


@pytest.fixture
def target_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_every_row_and_every_photo(tmp_path, media_root, target_database):
    photo = PhotoFactory()
    PhotoFactory(contribution=photo.contribution, hidden=True)
    CommentFactory(contribution=photo.contribution, body="Hyvä idea, bra idé")
    SupportFactory(contribution=photo.contribution)
    PilotPhotoFactory()
    source = connection.settings_dict["NAME"]
    before = _tables(source)
    assert before["engagement_contribution"][0] == Contribution.objects.count() > 0
    assert before["engagement_photo"][0] == 2
    files = _files(media_root)
    assert len(files) == 6  # two photos and a pilot photo, each with its thumbnail

    backup = tmp_path / "backup"
    made = _run("backup.sh", str(backup), database=source, media=media_root)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(backup)
    assert sorted(p.name for p in backup.iterdir()) == [
        "MANIFEST",
        "SHA256SUMS",
        "db.dump",
        "media.tar.gz",
    ]

    restored_media = tmp_path / "restored-media"
    done = _run("restore.sh", str(backup), database=target_database, media=restored_media)
    assert done.returncode == 0, done.stderr
    assert _tables(target_database) == before
    assert _files(restored_media) == files

    # Into a database and folder that exist and have changed since: the backup's state again.
    with psycopg.connect(_url(target_database), autocommit=True) as conn:
        conn.execute("DELETE FROM engagement_comment")
    (restored_media / "stray.jpg").write_bytes(b"not from the backup")
    next(iter(restored_media.rglob("*.jpg"))).unlink()
    again = _run("restore.sh", str(backup), database=target_database, media=restored_media)
    assert again.returncode == 0, again.stderr
    assert _tables(target_database) == before
    assert _files(restored_media) == files


def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path, media_root, target_database):
    PhotoFactory()
    source = connection.settings_dict["NAME"]
    backup = tmp_path / "backup"
    assert _run("backup.sh", str(backup), database=source, media=media_root).returncode == 0
    restored_media = tmp_path / "restored-media"
    restored_media.mkdir()
    (restored_media / "kept.jpg").write_bytes(b"still here")
    with (backup / "db.dump").open("r+b") as dump:
        dump.seek(100)
        dump.write(b"\x00\x01\x02\x03")
    refused = _run("restore.sh", str(backup), database=target_database, media=restored_media)
    assert refused.returncode != 0
    assert "SHA256SUMS" in refused.stderr
    assert _files(restored_media) == {"kept.jpg": b"still here"}
    with psycopg.connect(_url("postgres"), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [target_database]
        ).fetchone()
    assert exists is None
