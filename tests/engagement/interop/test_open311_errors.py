"""Open311 to the letter: every parameter's error is the specification's error list, in JSON and
in XML by the URL's extension, with the HTTP status as each error's code; never a 500 or a page.
The jurisdiction rules of decision 0044."""

import json

import pytest

from engagement.interop.services import api_key_create
from tests.engagement.interop.test_open311 import assert_errors, json_body, xml_root

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
FORMATS = ["json", "xml"]
CODE = "tesoma-together.innovative-routes"

GET_ERRORS = [
    ("requests", {"start_date": "9999-12-31T23:59:59Z"}, 400, "start_date"),
    ("requests", {"end_date": "0001-01-01T00:00:00Z"}, 400, "end_date"),
    ("requests", {"start_date": "0001-01-01T00:00:00+14:00"}, 400, "start_date"),
    ("requests", {"start_date": "yesterday"}, 400, "start_date"),
    ("requests", {"end_date": "2026-13-45"}, 400, "end_date"),
    (
        "requests",
        {"start_date": "2026-05-01T00:00:00Z", "end_date": "2026-04-01T00:00:00Z"},
        400,
        "start_date",
    ),
    (
        "requests",
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        400,
        "90",
    ),
    ("requests", {"status": "pending"}, 400, "status"),
    ("requests", {"service_code": "no-such.service"}, 400, "service_code"),
    ("requests", {"service_code": "nodot"}, 400, "service_code"),
    ("requests", {"page": "0"}, 400, "page"),
    ("requests", {"page": "-1"}, 400, "page"),
    ("requests", {"page": "x"}, 400, "page"),
    ("requests", {"limit": "1001"}, 400, "limit"),
    ("requests", {"limit": "1.5"}, 400, "limit"),
    ("requests", {"jurisdiction_id": "helsinki.fi"}, 404, "helsinki.fi"),
    ("services", {"jurisdiction_id": "helsinki.fi"}, 404, "helsinki.fi"),
    ("discovery", {"jurisdiction_id": "nowhere"}, 404, "nowhere"),
    ("requests/999999", {}, 404, ""),
    ("requests/abc", {}, 404, ""),
    ("services/no-such.service", {}, 404, ""),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("path", "params", "status", "named"), GET_ERRORS)
def test_a_bad_get_parameter_is_the_specifications_error_list(
    client, theme, fmt, path, params, status, named
):
    response = client.get(f"{BASE}/{path}.{fmt}", params)

    descriptions = assert_errors(response, fmt, status)
    assert named in " ".join(descriptions)


@pytest.fixture
def key(db):
    return api_key_create(name="Feedback app", organisation="City of Tampere")[1]


def valid(key: str, **overrides) -> dict:
    data = {
        "api_key": key,
        "service_code": CODE,
        "lat": "61.501",
        "long": "23.631",
        "description": "Dark path to school\nThe lamps by the forest path are out.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


POST_ERRORS = [
    ({"api_key": None}, 403, "api_key"),
    ({"api_key": "not-a-key"}, 403, "api_key"),
    ({"service_code": None}, 400, "service_code"),
    ({"service_code": "no-such.service"}, 404, "service_code"),
    ({"lat": None, "long": None}, 400, "lat"),
    ({"lat": None, "long": None, "address_id": "123"}, 400, "address_id"),
    ({"lat": None, "long": None, "address_string": "Kauppakatu 1"}, 400, "address_string"),
    ({"lat": "north"}, 400, "lat"),
    ({"lat": "91"}, 400, ""),
    ({"long": "nan"}, 400, ""),
    ({"long": "1e400"}, 400, ""),
    ({"lat": "60.17", "long": "24.94"}, 400, ""),
    ({"description": None}, 400, "description"),
    ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
    ({"media_url": "not a url"}, 400, "media_url"),
    ({"jurisdiction_id": "helsinki.fi"}, 404, "helsinki.fi"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("overrides", "status", "named"), POST_ERRORS)
def test_a_bad_post_parameter_is_the_specifications_error_list(
    client, theme, key, fmt, overrides, status, named
):
    response = client.post(f"{BASE}/requests.{fmt}", valid(key, **overrides))

    descriptions = assert_errors(response, fmt, status)
    assert named in " ".join(descriptions)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_uploaded_media_file_is_refused_in_the_error_list(client, theme, key, fmt):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = valid(key, media=SimpleUploadedFile("a.jpg", b"\xff\xd8\xff", "image/jpeg"))
    response = client.post(f"{BASE}/requests.{fmt}", data)

    assert "API" in " ".join(assert_errors(response, fmt, 400))


@pytest.mark.parametrize("path", ["requests.html", "services.csv", "discovery.txt", "x.yaml"])
def test_an_unknown_format_is_a_404_error_list_in_json(client, path):
    assert_errors(client.get(f"{BASE}/{path}"), "json", 404)


@pytest.mark.parametrize("fmt", FORMATS)
def test_errors_are_translated(client, theme, fmt):
    response = client.get(
        f"{BASE}/requests.{fmt}", {"status": "pending"}, HTTP_ACCEPT_LANGUAGE="fi"
    )

    (description,) = assert_errors(response, fmt, 400)
    assert "status" in description and "must be" not in description


# Jurisdictions --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("jurisdiction", [None, "tampere.fi", "TAMPERE.FI"])
def test_the_one_jurisdiction_may_be_named_or_left_out(client, theme, fmt, jurisdiction):
    params = {"jurisdiction_id": jurisdiction} if jurisdiction else {}

    assert client.get(f"{BASE}/requests.{fmt}", params).status_code == 200
    assert client.get(f"{BASE}/services.{fmt}", params).status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_with_several_jurisdictions_one_must_be_named(client, theme, key, settings, fmt):
    settings.OPEN311_JURISDICTIONS = ["tampere.fi", "nokia.fi"]

    assert "jurisdiction_id" in " ".join(
        assert_errors(client.get(f"{BASE}/requests.{fmt}"), fmt, 400)
    )
    assert_errors(client.post(f"{BASE}/requests.{fmt}", valid(key)), fmt, 400)
    assert client.get(f"{BASE}/requests.{fmt}", {"jurisdiction_id": "nokia.fi"}).status_code == 200
    posted = client.post(f"{BASE}/requests.{fmt}", valid(key, jurisdiction_id="tampere.fi"))
    assert posted.status_code == 201


def test_discovery_lists_the_jurisdictions(client, settings):
    settings.OPEN311_JURISDICTIONS = ["tampere.fi", "nokia.fi"]

    document = json_body(client.get(f"{BASE}/discovery.json", {"jurisdiction_id": "nokia.fi"}))
    root = xml_root(client.get(f"{BASE}/discovery.xml", {"jurisdiction_id": "nokia.fi"}))

    assert document["jurisdictions"] == ["tampere.fi", "nokia.fi"]
    assert [e.text for e in root.find("jurisdictions")] == ["tampere.fi", "nokia.fi"]


# Paging ---------------------------------------------------------------------------------------


def test_limit_and_page_walk_through_the_requests(client, theme):
    from tests.factories import ContributionFactory

    made = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(3)]
    pages = [
        json.loads(client.get(f"{BASE}/requests.json", {"limit": 2, "page": p}).content)
        for p in (1, 2, 3)
    ]

    ids = [int(r["service_request_id"]) for page in pages for r in page]
    assert [len(page) for page in pages] == [2, 1, 0]
    assert sorted(ids) == sorted(c.pk for c in made)
