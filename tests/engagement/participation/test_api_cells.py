"""The list behind a map cell or cluster (`ids=`), and numberMatched counted only up to a cap."""

import pytest

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
    assert client.get(URL, {"limit": 2}).json()["numberMatched"] == 5
