"""The workshop plan's pages: made, edited by its creator only (others 403, an unknown link
404), a refusal is a 400 that shows everything as typed, the move buttons work without
JavaScript, the run sheet and the presentation read by link."""

import pytest
from django.test import Client

from tests.factories import MethodCardFactory, StoryFactory, UserFactory
from toolkit.models import WorkshopPlan
from toolkit.workshops.services import workshop_plan_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    return UserFactory(username="trainer")


@pytest.fixture
def trainer_client(trainer) -> Client:
    client = Client()
    client.force_login(trainer)
    return client


@pytest.fixture
def plan(trainer):
    cards = [MethodCardFactory(title_en="Walk"), MethodCardFactory(title_en="Charrette")]
    return workshop_plan_create(
        user=trainer, title="Evening", language="en", methods=[c.slug for c in cards]
    )


def _form(plan, **extra) -> dict:
    data = {"title": plan.title, "start_time": "", "item": []}
    for item in plan.items.all():
        data["item"].append(str(item.pk))
        data[f"item-{item.pk}-minutes"] = str(item.minutes)
        data[f"item-{item.pk}-notes"] = item.notes
    data.update(extra)
    return data


def test_the_creator_edits_others_get_403_and_unknown_links_404(plan, trainer_client):
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    assert trainer_client.get(url).status_code == 200
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(url).status_code == 403
    assert stranger.post(url, _form(plan, title="Mine")).status_code == 403
    assert Client().post(url, _form(plan, title="Mine")).status_code == 403
    assert trainer_client.get("/en/toolkit/workshops/nope/edit/").status_code == 404
    # NUL is refused before any view (config.middleware).
    assert trainer_client.get("/en/toolkit/workshops/a%00b/edit/").status_code == 400
    plan.refresh_from_db()
    assert plan.title == "Evening"
    # The read-only link is for everyone.
    assert Client().get(f"/en/toolkit/workshops/{plan.token}/").status_code == 200
    assert Client().get(f"/en/toolkit/workshops/{plan.token}/present/").status_code == 200


def test_move_down_without_javascript_saves_and_comes_back_focused(plan, trainer_client):
    first, second = plan.items.all()
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    response = trainer_client.post(
        url, _form(plan, **{f"item-{first.pk}-notes": "Chairs", "move": f"{first.pk}:down"})
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?moved={first.pk}&way=1#item-{first.pk}")
    assert list(plan.items.values_list("pk", flat=True)) == [second.pk, first.pk]
    page = trainer_client.get(response["Location"]).content.decode()
    assert "Walk is now number 2 of 2." in page
    assert f'value="{first.pk}:down" data-move="down"' in page
    down = page.split(f'value="{first.pk}:down"')[1].split(">")[0]
    assert "autofocus" in down


@pytest.mark.parametrize("minutes", ["-5", "100000", "x"])
def test_bad_minutes_answer_400_with_everything_as_typed(plan, trainer_client, minutes):
    first = plan.items.first()
    response = trainer_client.post(
        f"/en/toolkit/workshops/{plan.token}/edit/",
        _form(
            plan,
            title="A new title",
            **{f"item-{first.pk}-minutes": minutes, f"item-{first.pk}-notes": "Bring pens"},
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="A new title"' in page and "Bring pens" in page
    assert f'value="{minutes}"' in page and 'aria-invalid="true"' in page
    plan.refresh_from_db()
    assert plan.title == "Evening"


def test_adding_an_unknown_card_is_400_and_a_break_is_added(plan, trainer_client):
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    response = trainer_client.post(url, _form(plan, add="method", new_method="no-such"))
    assert response.status_code == 400
    response = trainer_client.post(url, _form(plan, add="free", new_free_title="Coffee"))
    assert response.status_code == 302
    assert plan.items.last().title == "Coffee"


def test_the_run_sheet_shows_times_cumulative_and_notes(plan, trainer_client):
    first = plan.items.first()
    trainer_client.post(
        f"/en/toolkit/workshops/{plan.token}/edit/",
        _form(plan, start_time="18:00", **{f"item-{first.pk}-notes": "Open the windows"}),
    )
    page = Client().get(f"/en/toolkit/workshops/{plan.token}/").content.decode()
    assert "Open the windows" in page and "18:30" in page and "1 h 0 min" in page
    assert "Edit the plan" not in page


def test_a_theatre_session_is_made_and_presented(trainer_client):
    story = StoryFactory()
    response = trainer_client.post(
        "/en/toolkit/workshops/new/", {"title": "Forum", "kind": "theatre"}
    )
    plan = WorkshopPlan.objects.get(title="Forum")
    assert response.status_code == 302 and plan.kind == "theatre"
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    trainer_client.post(url, _form(plan, add="scene", new_scene_story=story.slug))
    trainer_client.post(url, _form(plan, add="exercise", new_exercise_title="Groups"))
    page = Client().get(f"/en/toolkit/workshops/{plan.token}/present/").content.decode()
    assert 'role="timer"' in page and "15:00" in page and "Groups" in page


def test_the_new_form_keeps_what_was_chosen_after_a_refusal(trainer_client):
    card = MethodCardFactory()
    response = trainer_client.post(
        "/en/toolkit/workshops/new/", {"title": "", "methods": [card.slug], "start_time": "25:99"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{card.slug}" checked' in page and 'value="25:99"' in page


@pytest.mark.parametrize("move", ["999999:down", "abc:up", ":", "1" * 30 + ":down"])
def test_moving_an_item_that_is_not_there_is_400_not_500(plan, trainer_client, move):
    response = trainer_client.post(
        f"/en/toolkit/workshops/{plan.token}/edit/", _form(plan, title="Typed", move=move)
    )
    assert response.status_code == 400
    assert 'value="Typed"' in response.content.decode()


def test_a_plan_made_signed_out_is_edited_by_the_same_browser_only():
    card = MethodCardFactory()
    browser = Client()
    browser.post("/en/toolkit/workshops/new/", {"title": "Anon", "methods": [card.slug]})
    plan = WorkshopPlan.objects.get(title="Anon")
    assert plan.created_by is None
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    assert browser.get(url).status_code == 200
    assert "Edit the plan" in browser.get(plan.get_absolute_url()).content.decode()
    assert Client().get(url).status_code == 403


def test_a_scene_plays_its_storys_transcoded_video_with_each_languages_captions(trainer_client):
    from toolkit.models import StoryVideo, VideoState

    story = StoryFactory()
    StoryVideo.objects.create(
        story=story,
        original="stories/video/original/a.mp4",
        file="stories/video/web/a.mp4",
        state=VideoState.READY,
        duration=16.0,
        captions_fi="WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n",
        captions_en="WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n",
    )
    trainer_client.post("/en/toolkit/workshops/new/", {"title": "Forum", "kind": "theatre"})
    plan = WorkshopPlan.objects.get(title="Forum")
    url = f"/en/toolkit/workshops/{plan.token}/edit/"
    trainer_client.post(url, _form(plan, add="scene", new_scene_story=story.slug))
    page = Client().get(f"/en/toolkit/workshops/{plan.token}/present/").content.decode()
    assert 'src="/media/stories/video/web/a.mp4' in page
    assert 'srclang="fi"' in page and 'srclang="en"' in page and 'srclang="sv"' not in page
    # Still processing: no player, the story's page is where the video will be.
    StoryVideo.objects.filter(story=story).update(state=VideoState.PROCESSING)
    page = Client().get(f"/en/toolkit/workshops/{plan.token}/present/").content.decode()
    assert "stories/video/web/a.mp4" not in page
