"""Strange input gets a clear 4xx, never a server error."""

import json

import pytest

pytestmark = pytest.mark.django_db

NUL_URLS = [
    "/api/v1/contributions/?campaign=a%00b",
    "/api/v1/campaigns/a%00b/",
    "/api/v1/pilots/?campaign=a%00b",
    "/api/v1/contributions/?a%00b=1",
    "/exports/contributions.csv?campaign=a%00b",
    "/pilots/?area=a%00b",
    "/toolkit/?q=a%00b",
    "/toolkit/methods/a%00b/",
    "/toolkit/workshops/a%00b/",
    "/campaigns/tesoma-together/?q=a%00b",
    "/areas/a%00b/",
    "/en/analysis/?campaign=a%00b",
    "/moderation/log/?q=a%00b",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_in_the_address_is_a_400(client, url):
    response = client.get(url, headers={"accept-language": "en"})
    assert response.status_code == 400
    if url.startswith(("/api/", "/exports/")):
        assert "(NUL)" in response.json()["detail"]
    else:
        assert b"(NUL)" in response.content


def test_open311_answers_a_nul_in_its_own_error_format(client):
    response = client.get("/open311/v2/requests.json?service_code=a%00b")
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_the_nul_refusal_is_translated(client):
    url = "/api/v1/contributions/?campaign=a%00b"
    response = client.get(url, headers={"accept-language": "fi"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Osoitteessa on merkki, joka ei ole sallittu (NUL)."
    english = client.get(url, headers={"accept-language": "en"})
    assert "not allowed (NUL)" in english.json()["detail"]


def test_an_offset_beyond_the_database_range_is_a_400(client):
    response = client.get("/api/v1/contributions/?offset=99999999999999999999")
    assert response.status_code == 400
    assert "offset" in response.json()


def test_a_nul_in_an_open311_post_is_a_400(client):
    response = client.post(
        "/open311/v2/requests.json",
        {"service_code": "a\x00b", "lat": "61.5", "long": "23.6", "description": "x"},
    )
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_an_unknown_api_address_answers_in_json(client):
    response = client.get("/api/v1/no-such-thing/", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "There is no such address in the API."}


def test_an_unknown_page_still_gets_the_site_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


# Request bodies the API cannot take: a translated JSON 4xx, never a RecursionError's 500.

API = "/api/v1/contributions/"
DEEP = "[" * 100_000 + "]" * 100_000


def post_json(client, body, language="en", url=API):
    return client.post(
        url, body, content_type="application/json", headers={"accept-language": language}
    )


def test_a_body_nested_100000_levels_deep_is_a_translated_400(client):
    response = post_json(client, DEEP)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "The JSON is nested too deeply: at most 32 levels."}
    finnish = post_json(client, '{"a":' * 100_000 + "1" + "}" * 100_000, language="fi")
    assert finnish.json() == {"detail": "JSON on sisäkkäin liian monta tasoa: enintään 32."}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"campaign": NaN}', "Numbers in JSON must be finite (not NaN)."),
        ('{"campaign": 1e309}', "Numbers in JSON must be finite (not 1e309)."),
        (
            '{"campaign": "a\\u0000b"}',
            "The request contains a character that is not allowed (NUL).",
        ),
        (b'{"campaign": "\xff"}', "The request body is not valid text in utf-8."),
        ('{"campaign": ', "The request body is not valid JSON."),
        ("9" * 5000, "The request body is not valid JSON."),
    ],
)
def test_a_body_that_is_not_json_the_api_takes_is_a_400_saying_why(client, body, message):
    response = post_json(client, body)
    assert response.status_code == 400
    assert response.json() == {"detail": message}


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "12", "null"])
def test_a_json_body_that_is_not_an_object_is_a_400(client, body):
    response = post_json(client, body)
    assert response.status_code == 400
    assert list(response.json()) == ["non_field_errors"]


def test_a_json_body_over_the_size_limit_is_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_json(client, '{"body": "' + "x" * 2000 + '"}')
    assert response.status_code == 413
    assert response.json() == {"detail": "The request is too large: at most 1000\xa0bytes."}


def test_a_form_post_over_the_size_limit_under_the_api_is_a_json_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(API, {"body": "x" * 2000}, headers={"accept-language": "en"})
    assert response.status_code == 413
    assert response.json() == {"detail": "The request is too large: at most 1000\xa0bytes."}


def test_too_many_form_fields_under_the_api_is_a_json_400(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.post(
        API, {f"f{i}": "x" for i in range(10)}, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request has too many fields or files."}


def test_an_unsupported_media_type_is_a_json_415(client):
    response = client.post(API, "campaign=x", content_type="text/csv")
    assert response.status_code == 415
    assert "detail" in response.json()


def test_an_unknown_format_is_a_406_naming_the_formats(client):
    response = client.get(f"{API}?format=xml", headers={"accept-language": "en"})
    assert response.status_code == 406
    assert response.json() == {
        "detail": "There is no format “xml” here; choose one of: json, geojson."
    }


def test_a_server_error_under_the_api_answers_in_json():
    from django.test import RequestFactory

    from config.urls import server_error

    response = server_error(RequestFactory().get("/api/v1/contributions/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(response.content)
    assert server_error(RequestFactory().get("/campaigns/")).status_code == 500


# Ids that are not numbers, or beyond the database's bigint.

BIG = str(2**64)


@pytest.mark.parametrize("comment", ["x", BIG, "-1", "1e3", "[1]"])
def test_a_flag_form_with_a_strange_comment_id_is_a_400(client, contribution, comment):
    response = client.post(
        f"/en/contributions/{contribution.pk}/flag/", {"reason": "spam", "comment": comment}
    )
    assert response.status_code == 400
    assert not contribution.flags.exists()


@pytest.mark.parametrize(
    ("url", "payload", "field"),
    [
        ("flags/", {"reason": "spam", "comment": 2**64}, "comment"),
        ("flags/", {"reason": "spam", "comment": "x"}, "comment"),
        ("comments/", {"body": "A reply", "reply_to": 2**64}, "reply_to"),
        ("comments/", {"body": "A reply", "reply_to": [1]}, "reply_to"),
    ],
)
def test_api_ids_out_of_range_or_not_numbers_are_a_400(client, contribution, url, payload, field):
    response = post_json(client, json.dumps(payload), url=f"{API}{contribution.pk}/{url}")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("original", ["x", 2**64, -1, None, [1]])
def test_a_moderators_duplicate_with_a_strange_original_is_a_400(
    moderator_client, contribution, original
):
    response = moderator_client.post(
        f"/api/v1/moderation/contributions/{contribution.pk}/",
        {"action": "duplicate", "original": original},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "original" in response.json()


@pytest.mark.parametrize("pk", [BIG, "9" * 30])
def test_an_id_beyond_the_database_range_in_the_path_is_a_404(client, pk):
    assert client.get(f"{API}{pk}/").status_code == 404
    assert client.get(f"/contributions/{pk}/").status_code == 404


@pytest.mark.parametrize("pilot", ["x", "", "1.5", "a\x00b", "9" * 30])
def test_a_pilot_review_naming_no_pilot_is_a_translated_400(moderator_client, pilot):
    response = moderator_client.post("/en/moderation/pilots/", {"pilot": pilot})
    assert response.status_code == 400
    assert "Choose a proposal to review." in response.content.decode()


def test_a_pilot_review_naming_a_missing_pilot_is_a_404(moderator_client):
    assert moderator_client.post("/moderation/pilots/", {"pilot": "999999"}).status_code == 404


def test_a_bulk_moderation_with_strange_ids_changes_nothing(moderator_client, contribution):
    response = moderator_client.post(
        "/en/moderation/", {"ids": ["x", BIG, "-1"], "bulk_action": "hide", "next": "1e309"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/moderation/"
    contribution.refresh_from_db()
    assert contribution.moderation_state == "published"
    followed = moderator_client.get(response["Location"])
    assert "Tick some items" in followed.content.decode()
