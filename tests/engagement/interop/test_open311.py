"""Open311 GeoReport v2: every endpoint in JSON and XML, as the specification words it, and only
ever public contributions at their public location."""

import json
import math
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from django.contrib.gis.geos import LineString, Point, Polygon
from django.test import Client
from django.utils import timezone

from engagement.interop.open311 import selectors as open311_selectors
from engagement.interop.open311 import views as open311_views
from engagement.interop.services import api_key_create
from engagement.models import Campaign, Contribution, Photo, StatusChange
from tests.factories import (
    OUTSIDE,
    CampaignFactory,
    ContributionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
FORMATS = ["json", "xml"]
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
SECRET = (23.634567, 61.501234)


# Reading both formats -----------------------------------------------------------------------


def xml_root(response) -> ET.Element:
    text = response.content.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return ET.fromstring(response.content)


def json_body(response):
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def xml_records(root: ET.Element, root_tag: str, item_tag: str) -> list[dict[str, str]]:
    """Items of an XML list as {element name: text}, empty elements as ""."""
    assert root.tag == root_tag
    assert all(child.tag == item_tag for child in root)
    return [{field.tag: field.text or "" for field in item} for item in root]


def service_requests(response, fmt: str) -> list[dict]:
    """The requests of a response; each one has exactly the specification's fields."""
    if fmt == "json":
        rows = json_body(response)
        assert isinstance(rows, list)
    else:
        rows = xml_records(xml_root(response), "service_requests", "request")
    for row in rows:
        assert set(row) == REQUEST_FIELDS
        assert_request_types(row, fmt)
    return rows


def assert_w3c(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, value
    return moment


def assert_request_types(row: dict, fmt: str) -> None:
    assert isinstance(row["service_request_id"], str) and row["service_request_id"].isdigit()
    assert row["status"] in {"open", "closed"}
    assert_w3c(row["requested_datetime"])
    assert_w3c(row["updated_datetime"])
    for name in ("status_notes", "service_name", "service_code", "description"):
        assert isinstance(row[name], str)
    for name in ("agency_responsible", "service_notice", "address", "address_id", "zipcode"):
        assert isinstance(row[name], str)
    assert isinstance(row["media_url"], str)
    if fmt == "json":
        assert isinstance(row["lat"], float) and isinstance(row["long"], float)
        assert row["expected_datetime"] is None
    else:
        float(row["lat"]), float(row["long"])
        assert row["expected_datetime"] == ""


def by_id(rows: list[dict]) -> dict[int, dict]:
    return {int(row["service_request_id"]): row for row in rows}


def assert_errors(response, fmt: str, status: int) -> list[str]:
    """A valid error document of the specification; returns the descriptions."""
    assert response.status_code == status
    if fmt == "json":
        errors = json_body(response)
        assert isinstance(errors, list) and errors
        for error in errors:
            assert set(error) == {"code", "description"}
            assert error["code"] == status
        return [error["description"] for error in errors]
    errors = xml_records(xml_root(response), "errors", "error")
    assert errors
    for error in errors:
        assert set(error) == {"code", "description"}
        assert error["code"] == str(status)
    return [error["description"] for error in errors]


def get(client, endpoint: str, fmt: str, **params):
    return client.get(f"{BASE}/{endpoint}.{fmt}", params)


def age(contribution: Contribution, days: float) -> None:
    """Move a contribution's arrival into the past (created_at is set on insert)."""
    Contribution.objects.filter(pk=contribution.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


# Discovery ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_the_endpoint_and_its_formats(client, fmt):
    response = get(client, "discovery", fmt)

    assert response.status_code == 200
    if fmt == "json":
        document = json_body(response)
        assert set(document) == {
            "changeset",
            "contact",
            "key_service",
            "jurisdictions",
            "endpoints",
        }
        (endpoint,) = document["endpoints"]
        formats = endpoint["formats"]
    else:
        root = xml_root(response)
        assert root.tag == "discovery"
        assert [child.tag for child in root] == [
            "changeset",
            "contact",
            "key_service",
            "jurisdictions",
            "endpoints",
        ]
        document = {child.tag: child.text for child in root}
        (endpoint_element,) = root.find("endpoints")
        assert endpoint_element.tag == "endpoint"
        endpoint = {child.tag: child.text for child in endpoint_element}
        formats_element = endpoint_element.find("formats")
        assert [child.tag for child in formats_element] == ["format", "format"]
        formats = [child.text for child in formats_element]
    assert_w3c(document["changeset"])
    assert document["contact"] and document["key_service"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] == "production"
    assert_w3c(endpoint["changeset"])
    assert formats == ["text/xml", "application/json"]


# Services -----------------------------------------------------------------------------------


def services(response, fmt: str) -> list[dict]:
    if fmt == "json":
        rows = json_body(response)
        for row in rows:
            assert row["metadata"] is False
    else:
        rows = xml_records(xml_root(response), "services", "service")
        for row in rows:
            assert row["metadata"] == "false"
    for row in rows:
        assert set(row) == SERVICE_FIELDS
        assert row["type"] == "realtime"
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_services_are_the_themes_of_open_or_readable_campaigns(client, theme, fmt):
    theme.description = "Paths and crossings."
    theme.save()
    closed = CampaignFactory(
        slug="last-year", closes_at=timezone.now() - timedelta(days=1), title="Last year"
    )
    closed_theme = ThemeFactory(campaign=closed, slug="parks")
    ContributionFactory(campaign=closed, theme=closed_theme)
    not_yet = CampaignFactory(slug="next-year", opens_at=timezone.now() + timedelta(days=30))
    ThemeFactory(campaign=not_yet, slug="later")

    rows = services(get(client, "services", fmt), fmt)

    by_code = {row["service_code"]: row for row in rows}
    assert set(by_code) == {"tesoma-together.innovative-routes", "last-year.parks"}
    assert by_code["tesoma-together.innovative-routes"] == {
        "service_code": "tesoma-together.innovative-routes",
        "service_name": "Innovative routes",
        "description": "Paths and crossings.",
        "metadata": by_code["tesoma-together.innovative-routes"]["metadata"],
        "type": "realtime",
        "keywords": "tesoma-together",
        "group": "Tesoma together",
    }
    assert by_code["last-year.parks"]["group"] == "Last year"


def test_service_names_follow_accept_language(client, theme):
    theme.name_sv = "Innovativa rutter"
    theme.save()

    response = client.get(f"{BASE}/services.json", HTTP_ACCEPT_LANGUAGE="sv")

    (service,) = json_body(response)
    assert service["service_name"] == "Innovativa rutter"


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_definition_has_no_attributes(client, theme, fmt):
    response = get(client, "services/tesoma-together.innovative-routes", fmt)

    assert response.status_code == 200
    if fmt == "json":
        assert json_body(response) == {
            "service_code": "tesoma-together.innovative-routes",
            "attributes": [],
        }
    else:
        root = xml_root(response)
        assert root.tag == "service_definition"
        assert [child.tag for child in root] == ["service_code", "attributes"]
        assert root.findtext("service_code") == "tesoma-together.innovative-routes"
        assert len(root.find("attributes")) == 0


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", ["tesoma-together.nothing", "no-such-campaign.x", "plain"])
def test_unknown_service_definition_is_404(client, theme, fmt, code):
    assert_errors(get(client, f"services/{code}", fmt), fmt, 404)


# Service requests: fields -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_requests_have_every_field_of_the_specification(client, theme, fmt):
    campaign = theme.campaign
    open_one = ContributionFactory(
        campaign=campaign,
        theme=theme,
        title="Lights on the path",
        body="The path to school is dark.",
        exact_location_public=True,
    )
    done = ContributionFactory(campaign=campaign, theme=theme, status=Contribution.Status.DONE)
    StatusChange.objects.create(contribution=done, status="planned", text="We plan it.")
    StatusChange.objects.create(contribution=done, status="done", text="Lamps are up.")

    rows = by_id(service_requests(get(client, "requests", fmt), fmt))

    first = rows[open_one.pk]
    assert first["service_request_id"] == str(open_one.pk)
    assert first["status"] == "open"
    assert first["status_notes"] == ""
    assert first["service_name"] == "Innovative routes"
    assert first["service_code"] == "tesoma-together.innovative-routes"
    assert first["description"] == "Lights on the path\n\nThe path to school is dark."
    assert first["agency_responsible"] == "Tesoma"
    assert first["media_url"] == ""
    assert float(first["lat"]) == 61.5 and float(first["long"]) == 23.63
    requested = assert_w3c(first["requested_datetime"])
    assert abs(requested - open_one.created_at) < timedelta(seconds=1)
    closed = rows[done.pk]
    assert closed["status"] == "closed"
    assert closed["status_notes"] == "Lamps are up."


def test_datetimes_are_in_the_site_time_zone_with_offset(client, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    winter = timezone.make_aware(datetime(2026, 11, 25, 18, 30, 15, 123456))
    Contribution.objects.filter(pk=contribution.pk).update(created_at=winter)

    (row,) = service_requests(
        get(client, "requests", "json", service_request_id=contribution.pk), "json"
    )

    assert row["requested_datetime"] == "2026-11-25T18:30:15+02:00"


def test_media_url_is_the_first_photo_a_moderator_has_not_hidden(client, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    for position, name, hidden in [(0, "first", True), (1, "second", False), (2, "third", False)]:
        Photo.objects.create(
            contribution=contribution,
            image=f"photos/2026/11/{name}.jpg",
            thumbnail=f"photos/2026/11/thumbs/{name}.jpg",
            width=10,
            height=10,
            position=position,
            hidden=hidden,
        )

    (row,) = service_requests(get(client, f"requests/{contribution.pk}", "json"), "json")

    assert row["media_url"] == "http://testserver/media/photos/2026/11/second.jpg"


def test_description_of_a_request_posted_here_reads_back_as_sent(client, theme):
    contribution = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Broken lamp",
        body="Broken lamp\nat the corner of the park.",
    )

    (row,) = service_requests(get(client, f"requests/{contribution.pk}", "json"), "json")

    assert row["description"] == "Broken lamp\nat the corner of the park."


def test_description_is_cut_to_the_specification_limit(client, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, body="x" * 5000)

    (row,) = service_requests(get(client, f"requests/{contribution.pk}", "json"), "json")

    assert len(row["description"]) == open311_selectors.DESCRIPTION_MAX
    assert row["description"].endswith("…")


def test_xml_stays_well_formed_when_text_holds_control_characters(client, theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, body="Bell\x07 and form\x0cfeed")

    (row,) = service_requests(get(client, "requests", "xml"), "xml")

    assert row["description"].endswith("Bell and formfeed")


# Service requests: privacy ------------------------------------------------------------------


def cell_centre(lon: float, lat: float) -> tuple[float, float]:
    """The centre of the 100 m ETRS-TM35FIN cell holding the point, worked out with GDAL."""
    point = Point(lon, lat, srid=4326)
    point.transform(3067)
    centre = Point(
        math.floor(point.x / 100) * 100 + 50, math.floor(point.y / 100) * 100 + 50, srid=3067
    )
    centre.transform(4326)
    return centre.x, centre.y


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_private_point_is_given_at_its_public_cell_centre(client, theme, fmt):
    private = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=Point(*SECRET, srid=4326)
    )

    response = get(client, f"requests/{private.pk}", fmt)

    (row,) = service_requests(response, fmt)
    lon, lat = cell_centre(*SECRET)
    assert float(row["long"]) == pytest.approx(lon, abs=2e-6)
    assert float(row["lat"]) == pytest.approx(lat, abs=2e-6)
    assert abs(float(row["long"]) - SECRET[0]) > 1e-4 or abs(float(row["lat"]) - SECRET[1]) > 1e-4
    text = response.content.decode()
    assert "23.634567" not in text and "61.501234" not in text
    assert "23.63457" not in text and "61.50123" not in text


def test_routes_and_areas_are_given_at_their_centroid(client, theme):
    route = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        geometry=LineString((23.62, 61.50), (23.64, 61.50), srid=4326),
    )
    square = Polygon.from_bbox((23.62, 61.497, 23.64, 61.503))
    square.srid = 4326
    area = ContributionFactory(campaign=theme.campaign, theme=theme, geometry=square)

    rows = by_id(service_requests(get(client, "requests", "json"), "json"))

    assert (rows[route.pk]["long"], rows[route.pk]["lat"]) == (23.63, 61.5)
    assert (rows[area.pk]["long"], rows[area.pk]["lat"]) == (23.63, 61.5)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "state",
    [
        Contribution.ModerationState.PENDING,
        Contribution.ModerationState.HIDDEN,
        Contribution.ModerationState.WITHDRAWN,
    ],
)
def test_a_contribution_that_is_not_public_never_appears(client, theme, fmt, state):
    public = ContributionFactory(campaign=theme.campaign, theme=theme)
    secret = ContributionFactory(
        campaign=theme.campaign, theme=theme, title="Zanzibar bench", moderation_state=state
    )

    listed = get(client, "requests", fmt)
    asked = get(client, "requests", fmt, service_request_id=f"{public.pk},{secret.pk}")
    detail = get(client, f"requests/{secret.pk}", fmt)

    assert set(by_id(service_requests(listed, fmt))) == {public.pk}
    assert set(by_id(service_requests(asked, fmt))) == {public.pk}
    assert_errors(detail, fmt, 404)
    for response in (listed, asked, detail):
        assert "Zanzibar" not in response.content.decode()


# Service requests: filters ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_request_ids_override_every_other_parameter(client, theme, fmt):
    old = ContributionFactory(campaign=theme.campaign, theme=theme)
    age(old, 400)
    new = ContributionFactory(campaign=theme.campaign, theme=theme)
    ContributionFactory(campaign=theme.campaign, theme=theme)

    response = get(
        client,
        "requests",
        fmt,
        service_request_id=f"{old.pk}, {new.pk},999999999,abc",
        status="closed",
        service_code="other.code",
        start_date="2001-01-01T00:00:00Z",
    )

    assert [int(r["service_request_id"]) for r in service_requests(response, fmt)] == [
        new.pk,
        old.pk,
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_code_filters_by_campaign_and_theme(client, theme, fmt):
    other_theme = ThemeFactory(campaign=theme.campaign, slug="green-spaces")
    mine = ContributionFactory(campaign=theme.campaign, theme=theme)
    green = ContributionFactory(campaign=theme.campaign, theme=other_theme)
    elsewhere = CampaignFactory(slug="elsewhere")
    same_slug = ThemeFactory(campaign=elsewhere, slug="innovative-routes")
    ContributionFactory(campaign=elsewhere, theme=same_slug)

    one = get(client, "requests", fmt, service_code="tesoma-together.innovative-routes")
    two = client.get(
        f"{BASE}/requests.{fmt}",
        {"service_code": ["tesoma-together.innovative-routes", "tesoma-together.green-spaces"]},
    )

    assert set(by_id(service_requests(one, fmt))) == {mine.pk}
    assert set(by_id(service_requests(two, fmt))) == {mine.pk, green.pk}


@pytest.mark.parametrize("fmt", FORMATS)
def test_status_filters_open_and_closed(client, theme, fmt):
    new = ContributionFactory(campaign=theme.campaign, theme=theme)
    planned = ContributionFactory(campaign=theme.campaign, theme=theme, status="planned")
    done = ContributionFactory(campaign=theme.campaign, theme=theme, status="done")
    impossible = ContributionFactory(campaign=theme.campaign, theme=theme, status="not_possible")

    def ids(status):
        return set(by_id(service_requests(get(client, "requests", fmt, status=status), fmt)))

    assert ids("open") == {new.pk, planned.pk}
    assert ids("closed") == {done.pk, impossible.pk}
    assert ids("open,closed") == {new.pk, planned.pk, done.pk, impossible.pk}
    assert_errors(get(client, "requests", fmt, status="resolved"), fmt, 400)


@pytest.mark.parametrize("fmt", FORMATS)
def test_start_and_end_date_bound_the_requested_datetime(client, theme, fmt):
    ten_days = ContributionFactory(campaign=theme.campaign, theme=theme)
    age(ten_days, 10)
    twenty_days = ContributionFactory(campaign=theme.campaign, theme=theme)
    age(twenty_days, 20)
    ContributionFactory(campaign=theme.campaign, theme=theme)
    now = timezone.now()

    response = get(
        client,
        "requests",
        fmt,
        start_date=(now - timedelta(days=15)).isoformat(),
        end_date=(now - timedelta(days=5)).isoformat(),
    )
    start_only = get(
        client,
        "requests",
        fmt,
        start_date=(now - timedelta(days=25)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    end_only = get(client, "requests", fmt, end_date=(now - timedelta(days=15)).isoformat())

    assert set(by_id(service_requests(response, fmt))) == {ten_days.pk}
    assert len(service_requests(start_only, fmt)) == 3
    assert set(by_id(service_requests(end_only, fmt))) == {twenty_days.pk}


def test_an_offset_sent_without_url_encoding_is_understood(client, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    Contribution.objects.filter(pk=contribution.pk).update(
        created_at=timezone.make_aware(datetime(2026, 11, 20, 12, 0))
    )

    # "+02:00" in a query string that was not encoded reaches the server as " 02:00".
    response = client.get(
        f"{BASE}/requests.json?start_date=2026-11-20T11:59:00+02:00&end_date=2026-11-20T12:01:00+02:00"
    )

    assert set(by_id(service_requests(response, "json"))) == {contribution.pk}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "yesterday"},
        {"end_date": "2026-13-01T00:00:00Z"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        {"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
    ],
)
def test_bad_dates_are_refused(client, theme, fmt, params):
    descriptions = assert_errors(get(client, "requests", fmt, **params), fmt, 400)

    assert any("start_date" in text or "end_date" in text for text in descriptions)


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_dates_only_the_last_90_days_are_given(client, theme, fmt):
    recent = ContributionFactory(campaign=theme.campaign, theme=theme)
    age(recent, 89)
    old = ContributionFactory(campaign=theme.campaign, theme=theme)
    age(old, 91)

    rows = service_requests(get(client, "requests", fmt), fmt)

    assert set(by_id(rows)) == {recent.pk}


@pytest.mark.parametrize("fmt", FORMATS)
def test_at_most_the_limit_of_newest_requests_is_given(client, theme, fmt, monkeypatch):
    monkeypatch.setattr(open311_views, "MAX_REQUESTS", 2)
    contributions = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(3)]
    for days, contribution in zip((3, 2, 1), contributions, strict=True):
        age(contribution, days)

    rows = service_requests(get(client, "requests", fmt), fmt)

    assert [int(row["service_request_id"]) for row in rows] == [
        contributions[2].pk,
        contributions[1].pk,
    ]


def test_the_default_window_and_limit_are_the_specifications():
    assert open311_views.MAX_REQUESTS == 1000
    assert open311_views.WINDOW.days == 90


# One service request ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_request_is_a_list_of_one(client, theme, fmt):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    ContributionFactory(campaign=theme.campaign, theme=theme)

    rows = service_requests(get(client, f"requests/{contribution.pk}", fmt), fmt)

    assert [row["service_request_id"] for row in rows] == [str(contribution.pk)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("request_id", ["999999", "abc", "99999999999999999999999"])
def test_unknown_request_is_404(client, theme, fmt, request_id):
    assert_errors(get(client, f"requests/{request_id}", fmt), fmt, 404)


# Posting a service request ------------------------------------------------------------------


@pytest.fixture
def api_key(db):
    """A live key and its secret."""
    return api_key_create(name="Feedback app", organisation="City of Tampere")


def post(client, fmt: str, data: dict, **headers):
    return client.post(f"{BASE}/requests.{fmt}", data, **headers)


def valid_post(key: str, **overrides) -> dict:
    data = {
        "api_key": key,
        "jurisdiction_id": "tampere.fi",
        "service_code": "tesoma-together.innovative-routes",
        "lat": "61.501",
        "long": "23.631",
        "description": "Dark path to school\nThe lamps by the forest path are out.",
        "email": "someone@example.org",
        "first_name": "Someone",
        "media_url": "http://example.org/photo.jpg",
        "attribute[WHISPAWN]": "123",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_posting_with_a_valid_key_stores_a_need(theme, api_key, fmt):
    row, key = api_key
    # No CSRF token: the API key authenticates.
    client = Client(enforce_csrf_checks=True)

    response = post(client, fmt, valid_post(key), HTTP_ACCEPT_LANGUAGE="sv")

    assert response.status_code == 201
    if fmt == "json":
        (created,) = json_body(response)
        assert created == {
            "service_request_id": created["service_request_id"],
            "service_notice": "",
            "account_id": None,
        }
    else:
        (created,) = xml_records(xml_root(response), "service_requests", "request")
        assert set(created) == {"service_request_id", "service_notice", "account_id"}
        assert created["service_notice"] == created["account_id"] == ""
    contribution = Contribution.objects.get(pk=int(created["service_request_id"]))
    assert contribution.participant == row.participant
    assert contribution.campaign == theme.campaign
    assert contribution.theme == theme
    assert contribution.kind == Contribution.Kind.NEED
    assert contribution.title == "Dark path to school"
    assert contribution.body == "Dark path to school\nThe lamps by the forest path are out."
    assert contribution.geometry.coords == (23.631, 61.501)
    assert contribution.language == "sv"
    assert contribution.exact_location_public is False
    assert not contribution.photos.exists()


def test_a_posted_request_can_be_read_back(client, theme, api_key):
    _row, key = api_key

    (created,) = json_body(post(client, "json", valid_post(key)))
    (row,) = service_requests(
        get(client, f"requests/{created['service_request_id']}", "json"), "json"
    )

    assert row["description"] == "Dark path to school\nThe lamps by the forest path are out."
    assert row["service_code"] == "tesoma-together.innovative-routes"


@pytest.mark.parametrize(
    ("description", "title"),
    [
        ("x" * 130 + "\nmore", "x" * 120),
        ("Hi\nthere is a hole in the road", "Hi there is a hole in the road"),
        ("  Lamp  \n\nbroken", "Lamp"),
    ],
)
def test_the_title_is_the_first_line_of_the_description(client, theme, api_key, description, title):
    _row, key = api_key

    response = post(client, "json", valid_post(key, description=description))

    (created,) = json_body(response)
    assert Contribution.objects.get(pk=created["service_request_id"]).title == title


@pytest.mark.parametrize("fmt", FORMATS)
def test_posting_with_a_revoked_or_missing_key_is_403(client, theme, api_key, fmt):
    row, key = api_key
    row.revoked_at = timezone.now()
    row.save()

    revoked = post(client, fmt, valid_post(key))
    missing = post(client, fmt, valid_post(""))
    unknown = post(client, fmt, valid_post("not-a-key"))

    for response in (revoked, missing, unknown):
        assert_errors(response, fmt, 403)
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("missing", ["service_code", "description"])
def test_posting_without_a_required_field_is_400(client, theme, api_key, fmt, missing):
    _row, key = api_key
    data = valid_post(key)
    del data[missing]

    descriptions = assert_errors(post(client, fmt, data, HTTP_ACCEPT_LANGUAGE="en"), fmt, 400)

    assert descriptions == [f"{missing} is required."]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_address_without_lat_and_long_is_refused(client, theme, api_key, fmt):
    _row, key = api_key
    data = valid_post(key, address_string="Tesomankatu 1, Tampere")
    del data["lat"], data["long"]

    descriptions = assert_errors(post(client, fmt, data, HTTP_ACCEPT_LANGUAGE="en"), fmt, 400)

    assert descriptions == [
        "address_string and address_id are not supported here: give lat and long."
    ]


@pytest.mark.parametrize(("lat", "lon"), [("north", "23.6"), ("nan", "23.6"), ("95", "23.6")])
def test_coordinates_that_are_not_a_place_are_refused(client, theme, api_key, lat, lon):
    _row, key = api_key

    assert_errors(post(client, "json", valid_post(key, lat=lat, long=lon)), "json", 400)
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_point_outside_the_campaign_area_is_refused_with_the_services_message(
    client, theme, api_key, fmt
):
    _row, key = api_key

    response = post(
        client,
        fmt,
        valid_post(key, lat=str(OUTSIDE.y), long=str(OUTSIDE.x)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    descriptions = assert_errors(response, fmt, 400)
    assert descriptions == [
        "The location is outside Tesoma. Choose a place inside the area on the map."
    ]
    assert not Contribution.objects.exists()


def test_every_refusal_of_the_service_is_its_own_error(client, theme, api_key):
    _row, key = api_key
    theme.campaign.closes_at = timezone.now() - timedelta(hours=1)
    theme.campaign.save()
    ContributionFactory(campaign=theme.campaign, theme=theme)  # keeps the service listed

    response = post(
        client,
        "json",
        valid_post(key, description="x" * 5001, lat=str(OUTSIDE.y), long=str(OUTSIDE.x)),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    descriptions = assert_errors(response, "json", 400)
    assert "This campaign is not open for input now." in descriptions
    assert any(text.startswith("Write a description") for text in descriptions)
    assert any(text.startswith("The location is outside") for text in descriptions)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", ["tesoma-together.no-theme", "nowhere.innovative-routes", "x"])
def test_posting_to_an_unknown_service_is_404(client, theme, api_key, fmt, code):
    _row, key = api_key

    assert_errors(post(client, fmt, valid_post(key, service_code=code)), fmt, 404)
    assert not Contribution.objects.exists()


def test_a_pre_moderated_request_waits_and_is_not_public(client, theme, api_key):
    _row, key = api_key
    Campaign.objects.filter(pk=theme.campaign.pk).update(moderation=Campaign.Moderation.PRE)

    (created,) = json_body(post(client, "json", valid_post(key)))

    contribution = Contribution.objects.get(pk=created["service_request_id"])
    assert contribution.moderation_state == Contribution.ModerationState.PENDING
    assert_errors(get(client, f"requests/{contribution.pk}", "json"), "json", 404)


# Formats and errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "discovery.html",
        "services.csv",
        "services/tesoma-together.innovative-routes.yaml",
        "requests.txt",
        "requests/1.geojson",
        "discovery",
        "tokens/123.json",
    ],
)
def test_unknown_formats_and_paths_are_404_in_the_error_format(client, theme, url):
    assert_errors(client.get(f"{BASE}/{url}"), "json", 404)


def test_an_unknown_path_asked_in_xml_answers_in_xml(client):
    assert_errors(client.get(f"{BASE}/tokens/123.xml"), "xml", 404)


@pytest.mark.parametrize("fmt", FORMATS)
def test_other_methods_are_refused_in_the_error_format(client, theme, fmt):
    response = client.delete(f"{BASE}/requests.{fmt}")

    assert_errors(response, fmt, 405)
    assert "POST" in response["Allow"]


def test_errors_follow_accept_language(client, theme):
    response = client.get(f"{BASE}/requests/1.json", HTTP_ACCEPT_LANGUAGE="en")

    assert assert_errors(response, "json", 404) == [
        "There is no public service request with this id."
    ]
