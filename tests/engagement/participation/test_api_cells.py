"""The list behind a map cell or cluster (`ids=`), and numberMatched counted only up to a cap."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement.participation import api
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/contributions/"


def test_ids_list_the_public_contributions_of_a_cell(client, theme):
    a, b, _ = (ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(3))
    hidden = ContributionFactory(campaign=theme.campaign, theme=theme, hidden=True)
    response = client.get(
        URL, {"campaign": theme.campaign.slug, "ids": f"{a.pk},{b.pk},{hidden.pk},99999999999"}
    )
    assert response.status_code == 200
    assert sorted(f["id"] for f in response.json()["features"]) == [a.pk, b.pk]


@pytest.mark.parametrize("ids", ["1,a", "-1", "1;2", ",".join(["1"] * 101), "\u0661"])
def test_bad_ids_are_refused(client, campaign, ids):
    response = client.get(URL, {"campaign": campaign.slug, "ids": ids})
    assert response.status_code == 400
    assert "ids" in response.json()


def test_number_matched_is_left_out_beyond_the_cap(client, theme, monkeypatch):
    monkeypatch.setattr(api, "MATCHED_COUNT_CAP", 3)
    made = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(5)]
    first = client.get(URL, {"limit": 2}).json()
    assert "numberMatched" not in first and first["numberReturned"] == 2
    assert "offset=2" in first["links"][0]["href"]
    last = client.get(URL, {"limit": 2, "offset": 4}).json()
    assert "numberMatched" not in last
    assert [f["id"] for f in last["features"]] == [made[0].pk]
    monkeypatch.setattr(api, "MATCHED_COUNT_CAP", 5)
    # Fresh statistics (rolled back with the test), else the planner's estimate is that of
    # whatever an earlier test in this worker left behind, perhaps 100,000 rows.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE engagement_contribution")
    assert client.get(URL, {"limit": 2}).json()["numberMatched"] == 5


def test_the_schema_says_when_number_matched_is_left_out(client):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/json"}).json()
    description = schema["paths"]["/api/v1/contributions/"]["get"]["description"]
    assert "numberMatched" in description
    assert f"at most {api.MATCHED_COUNT_CAP} match" in description
    assert "estimate" in description


def test_a_count_the_planner_expects_above_the_cap_is_not_run(client, theme, monkeypatch):
    """1 row expected by the planner at least; with the cap at 0 no COUNT may run."""
    for _ in range(3):
        ContributionFactory(campaign=theme.campaign, theme=theme)
    monkeypatch.setattr(api, "MATCHED_COUNT_CAP", 0)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL, {"limit": 2}).json()
    assert "numberMatched" not in body and body["numberReturned"] == 2
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
