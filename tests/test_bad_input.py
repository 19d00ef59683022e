"""Strange input gets a clear 4xx, never a server error."""

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
