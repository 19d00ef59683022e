"""`/basemap/<name>.pmtiles` answers byte ranges as a PMTiles reader asks for them: 206 with
Content-Range, 416 past the end, the whole file when If-Range names another version, 304 on a
matching validator, HEAD without a body, 404 for any name that is not a file of the folder."""

import os

import pytest
from django.utils.http import http_date

from geo.basemap.files import pmtiles_file

BYTES = bytes(range(256)) * 40  # 10,240 bytes, each position recognisable
URL = "/basemap/tesoma.pmtiles"


@pytest.fixture
def folder(settings, tmp_path, db):
    settings.MAP_PMTILES_DIR = tmp_path / "basemap"
    settings.MAP_PMTILES_DIR.mkdir()
    (settings.MAP_PMTILES_DIR / "tesoma.pmtiles").write_bytes(BYTES)
    return settings.MAP_PMTILES_DIR


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_whole_file_is_served_with_its_validators_and_range_support(client, folder):
    response = client.get(URL)
    assert response.status_code == 200
    assert body(response) == BYTES
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(BYTES))
    assert response["Content-Type"] == "application/vnd.pmtiles"
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Cache-Control"] == "public, max-age=3600"


def test_one_range_answers_206_with_exactly_those_bytes(client, folder):
    response = client.get(URL, headers={"Range": "bytes=0-126"})
    assert response.status_code == 206
    assert body(response) == BYTES[:127]
    assert response["Content-Range"] == f"bytes 0-126/{len(BYTES)}"
    assert response["Content-Length"] == "127"
    middle = client.get(URL, headers={"Range": "bytes=5000-5009"})
    assert (middle.status_code, body(middle)) == (206, BYTES[5000:5010])


def test_an_open_range_and_a_suffix_range_reach_the_end(client, folder):
    tail = client.get(URL, headers={"Range": "bytes=10000-"})
    assert (tail.status_code, body(tail)) == (206, BYTES[10000:])
    assert tail["Content-Range"] == f"bytes 10000-{len(BYTES) - 1}/{len(BYTES)}"
    suffix = client.get(URL, headers={"Range": "bytes=-16"})
    assert (suffix.status_code, body(suffix)) == (206, BYTES[-16:])
    # A range ending past the file is cut at its end (RFC 9110 14.1.1).
    past = client.get(URL, headers={"Range": "bytes=10230-99999"})
    assert (past.status_code, body(past)) == (206, BYTES[10230:])


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=20000-20010", "bytes=-0"])
def test_a_range_beyond_the_file_is_unsatisfiable(client, folder, header):
    response = client.get(URL, headers={"Range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(BYTES)}"
    assert body(response) == b""


@pytest.mark.parametrize("header", ["bytes=0-9,20-29", "items=0-9", "bytes=9-0", "bytes=x-y"])
def test_several_or_unreadable_ranges_get_the_whole_file(client, folder, header):
    response = client.get(URL, headers={"Range": header})
    assert response.status_code == 200
    assert body(response) == BYTES
    assert "Content-Range" not in response


def test_if_range_with_the_current_version_keeps_the_range_and_another_gets_all(client, folder):
    etag = client.get(URL)["ETag"]
    same = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": etag})
    assert (same.status_code, body(same)) == (206, BYTES[:10])
    other = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": '"an-older-build"'})
    assert (other.status_code, body(other)) == (200, BYTES)
    modified = http_date(pmtiles_file("tesoma").mtime)
    by_date = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": modified})
    assert by_date.status_code == 206
    older = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": http_date(1_000_000)})
    assert older.status_code == 200


def test_a_rebuilt_file_gets_a_new_etag_so_readers_never_mix_two_builds(client, folder):
    before = client.get(URL)["ETag"]
    path = folder / "tesoma.pmtiles"
    path.write_bytes(BYTES[::-1])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": before})
    assert after["ETag"] != before
    assert (after.status_code, body(after)) == (200, BYTES[::-1])


def test_a_matching_validator_answers_304(client, folder):
    first = client.get(URL)
    response = client.get(URL, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304
    assert response["ETag"] == first["ETag"]
    since = client.get(URL, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    changed = client.get(URL, headers={"If-None-Match": '"another"'})
    assert changed.status_code == 200


def test_head_answers_the_headers_without_the_body(client, folder):
    response = client.head(URL)
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(BYTES))
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == b""
    ranged = client.head(URL, headers={"Range": "bytes=100-199"})
    assert ranged.status_code == 206
    assert ranged["Content-Range"] == f"bytes 100-199/{len(BYTES)}"
    assert ranged["Content-Length"] == "100"


def test_only_reading_methods_are_allowed(client, folder):
    assert client.post(URL).status_code == 405
    assert client.put(URL, data=b"x").status_code == 405


def test_the_current_version_may_be_kept_a_year(client, folder):
    version = pmtiles_file("tesoma").version
    assert "immutable" in client.get(URL, {"v": version})["Cache-Control"]
    assert client.get(URL, {"v": "old"})["Cache-Control"] == "public, max-age=3600"


@pytest.mark.parametrize(
    "path",
    [
        "/basemap/nothing.pmtiles",
        "/basemap/..%2Fsecret.pmtiles",
        "/basemap/%2E%2E%2Fsecret.pmtiles",
        "/basemap/.secret.pmtiles",
        "/basemap/sub%2Fsecret.pmtiles",
        "/basemap/secret%00.pmtiles",
        "/basemap/tesoma.pmtiles.bak",
        "/basemap/folder.pmtiles",
    ],
)
def test_unknown_names_and_paths_out_of_the_folder_answer_404(client, folder, path):
    # A file beside the folder, a hidden file and a sub-folder inside it: none reachable.
    (folder.parent / "secret.pmtiles").write_bytes(b"secret")
    (folder / ".secret.pmtiles").write_bytes(b"secret")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "secret.pmtiles").write_bytes(b"secret")
    (folder / "folder.pmtiles").mkdir(exist_ok=True)
    response = client.get(path)
    assert response.status_code in (404, 400)  # NUL: refused before any view (400)
    assert b"secret" not in body(response)
    if response.status_code == 404:
        assert response["Content-Type"] == "application/json"
