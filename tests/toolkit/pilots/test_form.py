"""The proposal page: the place drawn (or chosen without the map), `?contribution=` alone,
the method cards and the steps with their checklists, suggestions without JavaScript, and bad
input answered with a translated 400 that keeps what was typed."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ContributionFactory, MethodCardFactory
from toolkit.models import Pilot, PilotStep
from toolkit.pilots import steps as pilot_steps

pytestmark = pytest.mark.django_db
AREA = {
    "type": "Polygon",
    "coordinates": [
        [[23.629, 61.499], [23.631, 61.499], [23.631, 61.501], [23.629, 61.501], [23.629, 61.499]]
    ],
}


@pytest.fixture
def member_client(client, organisation_member):
    client.force_login(organisation_member)
    return client


def form_data(organisation, campaign, contribution, **overrides) -> dict:
    today = timezone.localdate()
    data = {
        "organisation": organisation.pk,
        "campaign": campaign.slug,
        "title": "Benches on the way",
        "hypothesis": "If we put benches, then more walk.",
        "contributions": [contribution.pk],
        "geometry": json.dumps(AREA),
        "starts_on": (today - timedelta(days=1)).isoformat(),
        "ends_on": (today + timedelta(days=20)).isoformat(),
        "measure_0_name": "Walkers",
        "measure_0_unit": "people",
        "measure_0_target": "100",
    }
    data.update(overrides)
    return data


def test_the_contribution_alone_preselects_it_and_its_campaign(member_client, contribution):
    response = member_client.get(f"/en/pilots/new/?contribution={contribution.pk}")
    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial["campaign"] == contribution.campaign.slug
    assert [c.pk for c in response.context["chosen"]] == [contribution.pk]
    html = response.content.decode()
    assert f'value="{contribution.pk}" checked' in html
    assert "csrfmiddlewaretoken" not in html.split('method="post"')[0]  # no GET form carries it
    assert 'formmethod="get"' not in html


def test_a_hidden_contribution_preselects_nothing(member_client, campaign, theme):
    hidden = ContributionFactory(campaign=campaign, theme=theme, hidden=True)
    response = member_client.get(f"/en/pilots/new/?contribution={hidden.pk}")
    assert response.context["chosen"] == []
    assert member_client.get("/en/pilots/new/?contribution=nonsense").status_code == 200


def test_a_drawn_area_with_cards_and_steps_is_proposed(
    member_client, organisation, campaign, contribution
):
    card = MethodCardFactory()
    MethodCardFactory(draft=True)
    page = member_client.get(f"/en/pilots/new/?campaign={campaign.slug}").content.decode()
    assert card.title_en in page and "Walking workshop" in page
    assert page.count('name="method_cards"') == 1  # the draft is not offered

    response = member_client.post(
        "/en/pilots/new/",
        form_data(
            organisation,
            campaign,
            contribution,
            method_cards=[card.pk],
            step_0_title="Walk it together",
            step_0_card=card.pk,
            step_1_title="Count walkers",
            step_1_phase="evaluation",
        ),
    )

    assert response.status_code == 302
    pilot = Pilot.objects.get(title="Benches on the way")
    assert pilot.geometry.geom_type == "Polygon"
    assert list(pilot.method_cards.all()) == [card]
    first, second = pilot.steps.all()
    assert (first.title, first.phase, first.method_card) == ("Walk it together", "planning", card)
    assert [i["text"]["fi"] for i in first.checklist] == [
        "Valitse reitti",
        "Kävelkää",
        "Kootkaa havainnot",
    ]
    assert (second.phase, second.method_card, second.checklist) == ("evaluation", None, [])


def test_without_the_map_a_place_of_the_list_is_the_place(
    member_client, organisation, campaign, contribution
):
    from geo.models import Place

    place = Place.objects.create(
        name="Länsikeskus", kind="shopping_centre", geometry=contribution.geometry
    )
    page = member_client.get(f"/en/pilots/new/?campaign={campaign.slug}").content.decode()
    assert f'value="place:{place.pk}"' in page
    data = form_data(organisation, campaign, contribution, geometry="", place=f"place:{place.pk}")
    assert member_client.post("/en/pilots/new/", data).status_code == 302
    assert Pilot.objects.get().geometry.equals(contribution.geometry)


def test_bad_geometry_is_a_translated_400_that_keeps_the_input(
    member_client, organisation, campaign, contribution
):
    data = form_data(organisation, campaign, contribution, geometry='{"type": "Polygon"')
    response = member_client.post("/pilots/new/", data)  # Finnish: no prefix
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sijainti ei kelpaa" in html
    assert "{&quot;type&quot;: &quot;Polygon&quot;" in html  # the text stays in the field
    assert 'value="Benches on the way"' in html
    assert not Pilot.objects.exists()


def test_suggestions_without_javascript_post_and_lose_nothing(
    member_client, organisation, campaign, theme, contribution
):
    near = ContributionFactory(campaign=campaign, theme=theme, title="Bench by the library")
    data = form_data(organisation, campaign, contribution, title="", suggest="1")
    response = member_client.post("/en/pilots/new/", data)
    assert response.status_code == 200
    assert "Bench by the library" in response.content.decode()
    assert [s["id"] for s in response.context["suggestions"]] == [near.pk]
    assert "Please check these" not in response.content.decode()
    assert not Pilot.objects.exists()


def test_members_tick_the_checklist_of_a_running_pilot(
    client, make_pilot, organisation_member, resident
):
    card = MethodCardFactory()
    pilot = make_pilot(
        Pilot.Status.APPROVED,
        steps=[pilot_steps.StepPlan("Walk it", "planning", card)],
        method_cards=[card],
    )
    step = PilotStep.objects.get(pilot=pilot)
    url = f"/en/pilots/{pilot.pk}/steps/{step.pk}/tick/"
    client.force_login(resident)
    client.post(url, {"item": "1", "done": "1"})
    step.refresh_from_db()
    assert not any(i["done"] for i in step.checklist)

    client.force_login(organisation_member)
    assert client.post(url, {"item": "1", "done": "1"}).status_code == 302
    assert client.post(url, {"item": "99", "done": "1"}).status_code == 302  # refused, no 500
    step.refresh_from_db()
    assert [i["done"] for i in step.checklist] == [False, True, False]
    page = client.get(f"/en/pilots/{pilot.pk}/").content.decode()
    assert "Checklist of “Walk it”" in page and 'aria-pressed="true"' in page


def test_ticking_waits_for_approval(make_pilot, organisation_member):
    from django.core.exceptions import ValidationError

    card = MethodCardFactory()
    pilot = make_pilot(steps=[pilot_steps.StepPlan("Walk it", "planning", card)])
    with pytest.raises(ValidationError):
        pilot_steps.pilot_step_tick(
            user=organisation_member, step=pilot.steps.get(), index=0, done=True
        )


def test_a_draft_card_cannot_be_a_step(make_pilot):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_pilot(steps=[pilot_steps.StepPlan("Walk", "planning", MethodCardFactory(draft=True))])
    assert set(error.value.message_dict) == {"steps"}
