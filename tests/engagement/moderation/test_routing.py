"""The officials' desk: routing to city units on arrival, the queue by unit with ages and
deadlines, internal notes that never leave moderation, and reply templates (decision 0030)."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from engagement.interop.services import api_key_create
from engagement.models import Contribution, InternalNote, ModerationAction
from engagement.moderation.routing_services import (
    contribution_unit_set,
    contributions_route_unassigned,
    internal_note_add,
)
from tests.factories import (
    AreaFactory,
    CampaignFactory,
    CityUnitFactory,
    ContributionFactory,
    ReplyTemplateFactory,
    ThemeFactory,
    box,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(campaign, theme):
    """Tesoma's campaign with a sub-area (Länsikeskus inside it) and five units of every kind
    of match, so the most specific one is seen to win."""
    tesoma = campaign.area
    centre = AreaFactory(
        name="Länsikeskus", parent=tesoma, boundary=box(23.62, 61.497, 23.64, 61.503)
    )
    other_theme = ThemeFactory(campaign=campaign, name="Young people", slug="young-people")
    units = {
        "catch_all": CityUnitFactory(name="Kirjaamo", campaign=campaign),
        "area": CityUnitFactory(name="Aluetiimi", campaign=campaign, areas=[tesoma]),
        "theme": CityUnitFactory(name="Liikenne", campaign=campaign, themes=[theme]),
        "theme_area": CityUnitFactory(
            name="Liikenne länsi", campaign=campaign, themes=[theme], areas=[tesoma]
        ),
        "young": CityUnitFactory(name="Nuoriso", campaign=campaign, themes=[other_theme]),
    }
    return {"centre": centre, "tesoma": tesoma, "other_theme": other_theme, **units}


def test_the_most_specific_unit_wins_and_an_area_includes_its_descendants(world, theme):
    # In Länsikeskus, a sub-area of Tesoma: the theme-and-area unit (Tesoma includes it).
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    item.refresh_from_db()
    assert item.area == world["centre"]
    assert item.unit == world["theme_area"]
    # Another theme with a unit of its own: theme only beats area only.
    young = ContributionFactory(campaign=theme.campaign, theme=world["other_theme"])
    young.refresh_from_db()
    assert young.unit == world["young"]
    # No theme unit: area only, then the campaign's catch-all.
    world["young"].themes.clear()
    world["young"].delete()
    third = ContributionFactory(campaign=theme.campaign, theme=world["other_theme"])
    third.refresh_from_db()
    assert third.unit == world["area"]
    world["area"].delete()
    fourth = ContributionFactory(campaign=theme.campaign, theme=world["other_theme"])
    fourth.refresh_from_db()
    assert fourth.unit == world["catch_all"]


def test_ties_go_to_the_nearer_area_then_the_campaigns_own_unit_then_the_lower_id(world, theme):
    nearer = CityUnitFactory(
        name="Länsikeskus liikenne",
        campaign=theme.campaign,
        themes=[theme],
        areas=[world["centre"]],
    )
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    item.refresh_from_db()
    assert item.unit == nearer
    site_wide = CityUnitFactory(name="Koko kaupunki", campaign=None, areas=[world["centre"]])
    nearer.delete()
    world["theme_area"].delete()
    world["theme"].delete()
    world["area"].areas.set([world["centre"]])  # same level and depth as the site-wide unit
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    item.refresh_from_db()
    assert item.unit == world["area"]
    world["area"].delete()
    later = CityUnitFactory(name="Toinen", campaign=None, areas=[world["centre"]])
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    item.refresh_from_db()
    assert item.unit == site_wide and later.pk > site_wide.pk
    # Another campaign's unit never answers here.
    elsewhere = CampaignFactory()
    CityUnitFactory(campaign=elsewhere, areas=[world["centre"]], name="Muualla")
    assert (
        ContributionFactory(campaign=theme.campaign, theme=theme)
        .__class__.objects.filter(unit__campaign=elsewhere)
        .count()
        == 0
    )


def test_every_writer_routes_the_form_open311_and_a_raw_insert(world, theme, client):
    # The resident's form.
    page = client.post(
        theme.campaign.get_absolute_url(),
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Crossing at the school",
            "body": "A raised crossing would slow the cars down.",
            "lat": "61.5005",
            "lon": "23.6301",
        },
    )
    assert page.status_code == 302
    by_form = Contribution.objects.get(title="Crossing at the school")
    assert by_form.unit == world["theme_area"]
    # Open311.
    _row, key = api_key_create(name="Feedback app", organisation="City of Tampere")
    posted = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "jurisdiction_id": "tampere.fi",
            "service_code": f"{theme.campaign.slug}.{theme.slug}",
            "lat": "61.501",
            "long": "23.631",
            "description": "Dark path\nThe lamps are out.",
        },
    )
    assert posted.status_code == 201, posted.content
    assert Contribution.objects.get(title="Dark path").unit == world["theme_area"]
    # The benchmarks' raw INSERT (no Django model code at all).
    call_command("seed_synthetic", contributions=5, stdout=io.StringIO())
    synthetic = Contribution.objects.filter(body="Generated for benchmarks.")
    assert synthetic.count() == 5 and not synthetic.filter(unit=None).exists()


def test_a_stale_save_keeps_the_unit_a_theme_change_reroutes_a_moderators_choice_stays(
    world, theme, moderator
):
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    assert item.unit_id is None  # the instance never saw the trigger's value
    item.title = "Edited"
    item.save()  # writes unit_id NULL, which the trigger refuses
    item.refresh_from_db()
    assert item.unit == world["theme_area"]
    item.theme = world["other_theme"]
    item.save()
    item.refresh_from_db()
    assert item.unit == world["young"]
    contribution_unit_set(actor=moderator, contribution=item, unit=world["catch_all"])
    item.theme = theme
    item.save()
    item.refresh_from_db()
    assert (item.unit, item.unit_manual) == (world["catch_all"], True)
    # Straight SQL cannot change it either, outside the routing services.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE engagement_contribution SET unit_id = NULL, unit_manual = false WHERE id = %s",
            [item.pk],
        )
    item.refresh_from_db()
    assert (item.unit, item.unit_manual) == (world["catch_all"], True)


def test_units_added_later_route_the_unassigned_again(campaign, theme):
    waiting = ContributionFactory(campaign=campaign, theme=theme)
    waiting.refresh_from_db()
    assert waiting.unit is None
    unit = CityUnitFactory(campaign=campaign, themes=[theme])
    assert contributions_route_unassigned(contributions=Contribution.objects.all()) == 1
    waiting.refresh_from_db()
    assert waiting.unit == unit and not waiting.unit_manual


def test_a_moderator_changes_the_unit_on_the_page_and_the_log_says_so_in_finnish(
    world, theme, moderator_client
):
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    url = f"/moderation/contributions/{item.pk}/"
    done = moderator_client.post(url, {"action": "unit", "unit-unit": world["young"].pk})
    assert done.status_code == 302
    item.refresh_from_db()
    assert (item.unit, item.unit_manual) == (world["young"], True)
    (entry,) = ModerationAction.objects.filter(action="unit")
    assert entry.details["from"] == world["theme_area"].pk
    assert entry.details["to_name"] == "Nuoriso"
    page = moderator_client.get(url).content.decode()
    assert "vaihtoi vastuuyksikön" in page  # the log's translated label
    # Another campaign's unit, or nonsense, is refused with a 400 and changes nothing.
    foreign = CityUnitFactory(campaign=CampaignFactory())
    for value in (foreign.pk, "x", "99999999999999999999"):
        refused = moderator_client.post(url, {"action": "unit", "unit-unit": value})
        assert refused.status_code == 400
    item.refresh_from_db()
    assert item.unit == world["young"]


def test_only_the_campaigns_moderators_change_units_or_write_notes(
    world, theme, other_moderator, analyst
):
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    for official in (other_moderator, analyst):
        with pytest.raises(PermissionDenied):
            contribution_unit_set(actor=official, contribution=item, unit=world["young"])
        with pytest.raises(PermissionDenied):
            internal_note_add(actor=official, contribution=item, body="Hi")
        client = Client()
        client.force_login(official)
        url = f"/en/moderation/contributions/{item.pk}/"
        assert client.post(url, {"action": "note", "note-internal_note": "x"}).status_code == 403
    assert not InternalNote.objects.exists()


def test_the_queue_filters_by_unit_counts_them_and_shows_age_and_deadline_oldest_first(
    world, theme, moderator_client
):
    world["theme_area"].answer_within_days = 2
    world["theme_area"].save()
    old = ContributionFactory(campaign=theme.campaign, theme=theme, title="Old pothole")
    Contribution.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=5))
    new = ContributionFactory(campaign=theme.campaign, theme=theme, title="New pothole")
    young = ContributionFactory(campaign=theme.campaign, theme=world["other_theme"], title="Skate")
    world["catch_all"].delete()
    world["area"].delete()
    world["young"].delete()
    young.refresh_from_db()
    assert young.unit is None  # its unit is gone: unassigned

    page = moderator_client.get("/en/moderation/").content.decode()
    assert page.index("Old pothole") < page.index("New pothole") < page.index("Skate")
    assert "5\xa0days old" in page
    assert "Overdue by 3 days" in page and "Due in 2 days" in page
    counts = page[page.index('id="unit-counts-heading"') :]
    assert '>Liikenne länsi</a> <span class="count">2</span>' in counts
    assert 'No unit (unassigned)</a> <span class="count">1</span>' in counts

    by_unit = moderator_client.get(
        f"/en/moderation/?unit={world['theme_area'].pk}"
    ).content.decode()
    assert "Old pothole" in by_unit and "New pothole" in by_unit and "Skate" not in by_unit
    unassigned = moderator_client.get("/en/moderation/?unit=none").content.decode()
    assert "Skate" in unassigned and "pothole" not in unassigned.split('id="queue"')[1]
    newest = moderator_client.get("/en/moderation/?sort=newest").content.decode()
    assert newest.index("Skate") < newest.index("Old pothole")
    finnish = moderator_client.get("/moderation/").content.decode()
    assert "5\xa0päivää" in finnish and "3 päivää myöhässä" in finnish
    swedish = moderator_client.get("/sv/moderation/").content.decode()
    assert "5\xa0dagar" in swedish
    # A unit filter that is not one of the choices is ignored, not a 500.
    assert moderator_client.get("/en/moderation/?unit=abc").status_code == 200
    assert new.pk


def test_an_internal_note_is_on_the_moderation_page_only(
    world, theme, moderator_client, client, django_capture_on_commit_callbacks
):
    secret = "Kaupunginpuutarhuri soittaa asukkaalle maanantaina"
    item = ContributionFactory(campaign=theme.campaign, theme=theme, title="Broken bench")
    url = f"/en/moderation/contributions/{item.pk}/"
    assert (
        moderator_client.post(url, {"action": "note", "note-internal_note": secret}).status_code
        == 302
    )
    assert secret in moderator_client.get(url).content.decode()
    (note,) = InternalNote.objects.all()
    assert note.signature == "Area coordinator, Western team"

    public = client.get(f"/en/contributions/{item.pk}/")
    assert public.status_code == 200 and "Broken bench" in public.content.decode()
    assert secret not in public.content.decode()
    api = client.get(f"/api/v1/contributions/{item.pk}/")
    assert api.status_code == 200 and "Broken bench" in api.content.decode()
    assert secret not in api.content.decode()
    listing = client.get(f"/api/v1/contributions/?campaign={theme.campaign.slug}")
    assert "Broken bench" in listing.content.decode() and secret not in listing.content.decode()
    csv = client.get(f"/en/exports/contributions.csv?campaign={theme.campaign.slug}")
    text = b"".join(csv.streaming_content).decode()
    assert "Broken bench" in text and secret not in text
    log_csv = moderator_client.get("/moderation/log/?format=csv")
    assert secret not in b"".join(log_csv.streaming_content).decode()
    # An empty note is refused on its form.
    refused = moderator_client.post(url, {"action": "note", "note-internal_note": "  "})
    assert refused.status_code == 400 and InternalNote.objects.count() == 1


def test_reply_templates_of_the_unit_fill_the_answer_in_the_contributions_language(
    world, theme, moderator_client
):
    own = ReplyTemplateFactory(unit=world["theme_area"], title_en="Forwarded to planners")
    everyone = ReplyTemplateFactory(unit=None, title_en="Thanks, all units")
    foreign = ReplyTemplateFactory(unit=world["young"], title_en="Youth reply")
    item = ContributionFactory(campaign=theme.campaign, theme=theme, language="sv")
    url = f"/en/moderation/contributions/{item.pk}/"
    page = moderator_client.get(url).content.decode()
    assert "Forwarded to planners" in page and "Thanks, all units" in page
    assert "Youth reply" not in page
    assert page.index("Forwarded to planners") < page.index("Thanks, all units")
    assert 'data-body="Tack för förslaget.' in page
    filled = moderator_client.get(f"{url}?template={own.pk}").content.decode()
    answer = filled[
        filled.index('id="id_text">') : filled.index("</textarea>", filled.index('id="id_text">'))
    ]
    assert answer.strip().endswith("Tack för förslaget. Vi har skickat det vidare till planerarna.")
    # Another unit's template, or nonsense, fills nothing and is no error.
    for value in (foreign.pk, "abc", "99999999999999999999"):
        response = moderator_client.get(f"{url}?template={value}")
        assert response.status_code == 200
        assert "planerarna.</textarea>" not in response.content.decode()
    assert everyone.pk
