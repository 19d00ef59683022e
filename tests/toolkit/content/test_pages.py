"""The toolkit: finding guidance, sanitised Markdown, captioned video, drafts, revisions, the
experiment guide and workshop plans."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import UserFactory
from toolkit.content.markdown import render_markdown
from toolkit.models import MethodCard, Revision, Story, WorkshopPlan

pytestmark = pytest.mark.django_db


def card(
    slug,
    phase="planning",
    themes=("doing-together",),
    audiences=("residents",),
    status="published",
    **texts,
):
    defaults = {
        "title": slug.replace("-", " ").title(),
        "summary": f"About {slug}.",
        "steps": "1. First\n2. Second",
    }
    defaults.update(texts)
    return MethodCard.objects.create(
        slug=slug,
        phase=phase,
        themes=list(themes),
        audiences=list(audiences),
        time_effort="low",
        people_effort="medium",
        cost_effort="low",
        status=status,
        **{f"{k}_fi": v for k, v in defaults.items()},
        **defaults,
    )


@pytest.fixture
def cards():
    return {
        "walk": card("walking-workshop", "planning", ("innovative-routes",), ("residents",)),
        "pilot": card(
            "pop-up-pilot", "implementation", ("business-services",), ("businesses", "residents")
        ),
        "measure": card(
            "evaluation-by-measures",
            "evaluation",
            ("doing-together",),
            ("officials",),
            steps="Count visitors and compare with the target.",
        ),
        "draft": card("secret-draft", "planning", status="draft"),
    }


def titles(response) -> set[str]:
    return {c.slug for _phase, _label, cs in response.context["cards_by_phase"] for c in cs}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"walking-workshop", "pop-up-pilot", "evaluation-by-measures"}),
        ({"phase": "evaluation"}, {"evaluation-by-measures"}),
        ({"theme": "innovative-routes"}, {"walking-workshop"}),
        ({"audience": "businesses"}, {"pop-up-pilot"}),
        ({"people": "medium", "phase": "implementation"}, {"pop-up-pilot"}),
        ({"q": "visitors"}, {"evaluation-by-measures"}),
        ({"q": "nothing matches this"}, set()),
    ],
)
def test_filters_and_search_return_the_right_cards(client, cards, query, expected):
    assert titles(client.get("/toolkit/", query)) == expected


def test_markdown_is_sanitised():
    html = render_markdown(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[click](javascript:alert(1)) <a href='#' onclick='x()'>a</a> **bold** [ok](https://e.fi)"
    )
    assert "<script" not in html and "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html and "<img" not in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://e.fi"' in html


def test_unsafe_markdown_on_a_card_page_is_stripped(client):
    card("x-card", steps="<script>alert('x')</script>\n\n[go](javascript:alert(1))")
    html = client.get("/toolkit/methods/x-card/").content.decode()
    assert "alert(" not in html.split("<main")[1]


def test_drafts_are_invisible_to_the_public_and_visible_to_editors(client, cards, toolkit_editor):
    assert client.get("/toolkit/methods/secret-draft/").status_code == 404
    assert "secret-draft" not in titles(client.get("/toolkit/"))
    client.force_login(toolkit_editor)
    assert client.get("/toolkit/methods/secret-draft/").status_code == 200


def test_video_story_has_captions_and_a_transcript(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    story = Story.objects.create(
        slug="sauna-evening",
        title="Sauna evening",
        title_fi="Saunailta",
        status="published",
        transcript_fi="Kertoja: virkamies tuli saunaan.",
        transcript_en="Narrator: the official came to the sauna.",
        video=ContentFile(b"\x00\x00\x00\x18ftypmp42", "clip.mp4"),
        captions=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", "clip.vtt"),
    )
    html = client.get(f"/en/toolkit/stories/{story.slug}/").content.decode()
    assert "<video controls" in html
    assert '<track kind="captions"' in html and ".vtt" in html
    assert "Narrator: the official came to the sauna." in html
    assert "Transcript" in html


def test_every_save_keeps_a_revision(client, toolkit_editor, cards):
    client.force_login(toolkit_editor)
    url = "/en/toolkit/edit/methods/walking-workshop/"
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {
            "themes": ["innovative-routes"],
            "audiences": ["residents"],
            "save": "1",
            "title_en": "Walking workshop",
            "steps_en": "1. Walk",
        }
    )
    assert client.post(url, data).status_code == 302
    data["steps_en"] = "1. Walk\n2. Talk"
    client.post(url, data)
    revisions = Revision.objects.filter(content_kind="method", content_id=cards["walk"].pk)
    assert revisions.count() == 2
    assert revisions.first().data["steps_en"] == "1. Walk\n2. Talk"


def test_editing_needs_the_editor_role(client, resident, cards):
    client.force_login(resident)
    assert client.get("/toolkit/edit/").status_code == 403
    assert client.get("/toolkit/edit/methods/walking-workshop/").status_code == 403


def test_the_experiment_guide_hands_its_values_to_the_pilot_form(client, theme, cards):
    from tests.factories import ContributionFactory
    from toolkit.pilots import services

    pin = ContributionFactory(campaign=theme.campaign, theme=theme, title="Need a bench")
    guide = client.get(f"/en/toolkit/guide/?campaign={theme.campaign.slug}").content.decode()
    assert 'action="/en/pilots/new/"' in guide and "Need a bench" in guide

    member = UserFactory(username="member")
    services.organisation_register(user=member, name="Yhdistys ry", kind="association")
    client.force_login(member)
    response = client.get(
        "/en/pilots/new/",
        {
            "campaign": theme.campaign.slug,
            "contribution": pin.pk,
            "title": "Bench trial",
            "hypothesis": "If we …",
            "measure_0_name": "Sitters",
            "measure_0_unit": "people",
            "measure_0_target": "30",
        },
    )
    form = response.context["form"]
    assert form.initial["title"] == "Bench trial"
    assert form.initial["measure_0_target"] == "30"
    assert [str(pk) for pk in form.initial["contributions"]] == [str(pin.pk)]
    assert 'value="Sitters"' in response.content.decode()


def test_workshop_plan_is_shared_by_its_link(client, cards):
    story = Story.objects.create(
        slug="garden",
        title="Garden",
        status="published",
        discussion_questions="1. What would you try?",
    )
    response = client.post(
        "/en/toolkit/workshops/new/",
        {
            "title": "Evening session",
            "methods": ["walking-workshop", "pop-up-pilot"],
            "stories": [story.slug],
        },
    )
    plan = WorkshopPlan.objects.get()
    assert response["Location"].endswith(plan.token + "/")
    from django.test import Client

    shared = Client().get(f"/en/toolkit/workshops/{plan.token}/").content.decode()
    assert "Evening session" in shared and "What would you try?" in shared
    assert "Walking Workshop" in shared


def test_method_card_lists_the_pilots_that_used_it(client, make_pilot, cards):
    pilot = make_pilot("approved")
    pilot.method_cards.add(cards["pilot"])
    html = client.get("/en/toolkit/methods/pop-up-pilot/").content.decode()
    assert "Pilots that used it" in html and pilot.title in html
