"""The editor: one language at a time with what each lacks, refused saves that keep every
language's text, revisions compared word by word and restored as new ones (decision 0039)."""

import re

import pytest
from django.utils import translation

from tests.factories import StoryFactory, UserFactory
from toolkit.content.revisions import word_diff
from toolkit.models import MethodCard, Revision, Story

pytestmark = pytest.mark.django_db

URL = "/en/toolkit/edit/methods/walking-workshop/"


@pytest.fixture
def walk():
    return MethodCard.objects.create(
        slug="walking-workshop",
        phase="planning",
        themes=["innovative-routes"],
        audiences=["residents"],
        time_effort="low",
        people_effort="medium",
        cost_effort="low",
        status="published",
        title="Kävelytyöpaja",
        title_fi="Kävelytyöpaja",
        summary_fi="Kävellään yhdessä.",
        steps_fi="1. Kävele",
        title_en="Walking workshop",
        steps_en="1. Walk",
    )


def form_data(client, url=URL, **changes) -> dict:
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or name in ("video", "captions"):
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    data.update({"save": "1", **changes})
    return data


def saved(client, walk, **changes) -> Revision:
    assert client.post(URL, form_data(client, **changes)).status_code == 302
    return Revision.objects.filter(content_kind="method", content_id=walk.pk).first()


def test_each_language_is_a_section_with_what_it_lacks(toolkit_editor_client, walk):
    response = toolkit_editor_client.get(URL)
    html = response.content.decode()
    assert [s.code for s in response.context["language_sections"]] == ["fi", "sv", "en"]
    sv = response.context["language_sections"][1]
    assert len(sv.missing) == 8  # every text of the card
    assert 'role="tablist"' in html and 'role="tab"' in html and 'aria-controls="panel-sv"' in html
    assert re.search(r'id="tab-sv"[^>]*>.*?8 fields missing', html, re.S)
    assert 'id="id_title_sv"' in html and 'lang="sv"' in html
    shared = {f.name for f in response.context["shared_fields"]}
    assert {"phase", "themes", "audiences", "time_effort", "related", "status"} <= shared
    assert not any(name.endswith(("_fi", "_sv", "_en")) for name in shared)


def test_the_index_tells_what_each_language_lacks(toolkit_editor_client, walk):
    html = toolkit_editor_client.get("/en/toolkit/edit/").content.decode()
    assert "fi: 5 fields missing" in html  # title, summary and steps are written
    assert "sv: 8 fields missing" in html
    assert "en: 6 fields missing" in html


def test_a_refused_save_keeps_every_languages_text_and_opens_the_tab_with_the_error(
    toolkit_editor_client, walk
):
    data = form_data(
        toolkit_editor_client,
        title_fi="Kävelytyöpaja",
        summary_fi="Uusi suomeksi.",
        title_sv="",
        summary_sv="Ny på svenska.",  # a Swedish text without a Swedish title
        summary_en="New in English.",
        language="en",
    )
    response = toolkit_editor_client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    for typed in ("Uusi suomeksi.", "Ny på svenska.", "New in English."):
        assert typed in html
    assert response.context["open_language"] == "sv"
    assert 'href="#id_title_sv"' in html
    assert re.search(r'id="tab-sv"[^>]*>.*?1 error', html, re.S)
    walk.refresh_from_db()
    assert not walk.summary_sv and walk.summary_fi == "Kävellään yhdessä."


def test_a_finnish_title_is_needed(toolkit_editor_client, walk):
    response = toolkit_editor_client.post(URL, form_data(toolkit_editor_client, title_fi=" "))
    assert response.status_code == 400
    assert response.context["open_language"] == "fi"


def test_a_refused_save_on_a_shared_field_keeps_the_tab_the_editor_was_on(
    toolkit_editor_client, walk
):
    data = form_data(toolkit_editor_client, phase="", language="en", steps_en="1. Walk far")
    response = toolkit_editor_client.post(URL, data)
    assert response.status_code == 400
    assert response.context["open_language"] == "en"
    assert 'href="#id_phase"' in response.content.decode()
    assert "1. Walk far" in response.content.decode()


def test_words_are_marked_removed_and_added_in_tags_and_in_words():
    with translation.override("en"):
        old, new = word_diff("Walk to the <b>square</b> together", "Walk to the market together")
    assert "<del>" in old and "&lt;b&gt;square&lt;/b&gt;" in old and "[removed:" in old
    assert "<ins>" in new and "market" in new and "[added:" in new
    assert old.startswith("Walk to the ") and "together" in new


def test_two_revisions_compared_side_by_side(toolkit_editor_client, walk):
    first = saved(toolkit_editor_client, walk, steps_en="1. Walk")
    second = saved(toolkit_editor_client, walk, steps_en="1. Walk and talk", phase="evaluation")
    response = toolkit_editor_client.get(
        f"{URL}compare/",
        {"old": second.pk, "new": first.pk},  # in either order
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["old"] == first and response.context["new"] == second
    assert re.search(r'<ins><span class="visually-hidden">\[added: </span>\s*and talk', html)
    assert '<th scope="col">Field</th>' in html and '<th scope="row">Steps</th>' in html
    assert "Evaluation" in html and "Planning" in html  # the phase, by its name
    assert response.context["changes"] == 2


def test_a_revision_against_the_current_version(toolkit_editor_client, walk):
    first = saved(toolkit_editor_client, walk)
    MethodCard.objects.filter(pk=walk.pk).update(title_sv="Promenadverkstad")
    response = toolkit_editor_client.get(f"{URL}compare/", {"old": first.pk, "new": "current"})
    assert response.status_code == 200
    assert response.context["new"] is None
    assert "Promenadverkstad" in response.content.decode()


def test_restoring_writes_a_new_revision_equal_to_the_old_one(toolkit_editor_client, walk):
    other = MethodCard.objects.create(
        slug="charrette", phase="planning", time_effort="low", people_effort="low",
        cost_effort="low", title="Charrette", title_fi="Charrette",
    )  # fmt: skip
    first = saved(
        toolkit_editor_client,
        walk,
        related=[str(other.pk)],
        title_sv="Promenad",
        summary_sv="Promenad.",
    )
    saved(toolkit_editor_client, walk, related=[], summary_sv="", title_sv="", phase="evaluation")
    url = f"{URL}revisions/{first.pk}/restore/"
    confirm = toolkit_editor_client.get(url)
    assert confirm.status_code == 200 and b'method="post"' in confirm.content
    assert Revision.objects.filter(content_id=walk.pk).count() == 2  # asking changes nothing
    assert toolkit_editor_client.post(url).status_code == 302
    revisions = Revision.objects.filter(content_kind="method", content_id=walk.pk)
    assert revisions.count() == 3  # the history is kept, the restore added to it
    restored = revisions.first()
    assert restored.pk > first.pk
    assert {k: v for k, v in restored.data.items()} == first.data
    walk.refresh_from_db()
    assert walk.summary_sv == "Promenad." and walk.title_sv == "Promenad"
    assert walk.phase == "planning" and list(walk.related.all()) == [other]


def test_a_restore_keeps_the_address_and_the_publication(toolkit_editor_client, walk):
    first = saved(toolkit_editor_client, walk, status="draft")
    saved(toolkit_editor_client, walk, status="published", title_en="Walk")
    toolkit_editor_client.post(f"{URL}revisions/{first.pk}/restore/")
    walk.refresh_from_db()
    assert walk.status == "published" and walk.title_en == "Walking workshop"


def test_a_story_is_compared_and_restored_too(toolkit_editor_client):
    story = Story.objects.create(slug="sauna-evening", title="Saunailta", title_fi="Saunailta")
    url = "/en/toolkit/edit/stories/sauna-evening/"
    data = form_data(toolkit_editor_client, url, lessons_fi="Kuuntele.")
    assert toolkit_editor_client.post(url, data).status_code == 302
    first = Revision.objects.filter(content_kind="story", content_id=story.pk).first()
    data = form_data(toolkit_editor_client, url, lessons_fi="Kuuntele ja kysy.")
    toolkit_editor_client.post(url, data)
    compare = toolkit_editor_client.get(f"{url}compare/", {"old": first.pk})
    assert compare.status_code == 200 and b"ja kysy." in compare.content
    assert toolkit_editor_client.post(f"{url}revisions/{first.pk}/restore/").status_code == 302
    story.refresh_from_db()
    assert story.lessons_fi == "Kuuntele."


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"old": "abc"},
        {"old": "99999999"},
        {"old": "-1"},
        {"old": "1e3"},
        {"old": "99999999999999999999999"},
        {"old": "FIRST", "new": "nope"},
        {"old": "OTHER"},
    ],
)
def test_a_bad_revision_id_is_404_never_500(toolkit_editor_client, walk, query):
    first = saved(toolkit_editor_client, walk)
    other = MethodCard.objects.create(
        slug="other", phase="planning", time_effort="low", people_effort="low",
        cost_effort="low", title="Other", title_fi="Other",
    )  # fmt: skip
    not_ours = Revision.objects.create(content_kind="method", content_id=other.pk, data={})
    ids = {"FIRST": str(first.pk), "OTHER": str(not_ours.pk)}
    query = {k: ids.get(v, v) for k, v in query.items()}
    assert toolkit_editor_client.get(f"{URL}compare/", query).status_code == 404


def test_a_nul_in_the_revision_id_is_refused_not_a_500(toolkit_editor_client, walk):
    # The site's NUL refusal (config.middleware) answers before the view.
    assert toolkit_editor_client.get(f"{URL}compare/", {"old": "1\x00"}).status_code == 400


def test_restoring_another_cards_revision_or_none_is_404(toolkit_editor_client, walk):
    other = MethodCard.objects.create(
        slug="other", phase="planning", time_effort="low", people_effort="low",
        cost_effort="low", title="Other", title_fi="Other",
    )  # fmt: skip
    not_ours = Revision.objects.create(content_kind="method", content_id=other.pk, data={})
    story_revision = Revision.objects.create(content_kind="story", content_id=walk.pk, data={})
    for pk in (not_ours.pk, story_revision.pk, 99999999):
        assert toolkit_editor_client.post(f"{URL}revisions/{pk}/restore/").status_code == 404
    assert toolkit_editor_client.get("/en/toolkit/edit/nothing/x/compare/?old=1").status_code == 404
    assert toolkit_editor_client.get("/en/toolkit/edit/methods/nobody/compare/").status_code == 404
    walk.refresh_from_db()
    assert walk.title_en == "Walking workshop"


def test_only_editors_compare_and_restore(client, resident, toolkit_editor_client, walk):
    first = saved(toolkit_editor_client, walk)
    compare = f"{URL}compare/?old={first.pk}"
    restore = f"{URL}revisions/{first.pk}/restore/"
    # Signed out: to the sign-in page.
    assert client.get(compare).status_code == 302
    assert client.post(restore).status_code == 302
    client.force_login(resident)
    assert client.get(compare).status_code == 403
    assert client.get(restore).status_code == 403
    assert client.post(restore).status_code == 403
    # Editing stories only does not let one restore a card.
    story_editor = UserFactory()
    from django.contrib.auth.models import Permission

    story_editor.user_permissions.add(Permission.objects.get(codename="change_story"))
    client.force_login(story_editor)
    assert client.post(restore).status_code == 403
    assert Revision.objects.filter(content_id=walk.pk).count() == 1


def test_the_service_refuses_a_restore_by_someone_who_is_not_an_editor(
    toolkit_editor_client, resident, walk
):
    from django.core.exceptions import PermissionDenied

    from toolkit.content.services import content_restore

    first = saved(toolkit_editor_client, walk)
    with pytest.raises(PermissionDenied):
        content_restore(editor=resident, instance=walk, revision=first)
    assert Revision.objects.filter(content_id=walk.pk).count() == 1


def test_a_storys_transcript_counts_as_missing_only_with_a_video():
    from toolkit.content.editor_forms import missing_texts

    texts = {f"{t}_fi": "x" for t in ("title", "summary", "situation", "what_was_done", "who")}
    texts |= {f"{t}_fi": "x" for t in ("what_happened", "lessons", "discussion_questions")}
    assert missing_texts("stories", texts)["fi"] == []
    with_video = missing_texts("stories", {**texts, "video_url": "https://example.org/v"})
    assert with_video["fi"] == ["transcript"]


@pytest.mark.django_db
def test_a_story_with_a_video_of_the_video_page_lacks_its_transcripts():
    from toolkit.content.editor_forms import missing_of
    from toolkit.models import StoryVideo

    story = StoryFactory(title_fi="Kahvilla", transcript_fi="", video_url="")
    assert "transcript" not in missing_of("stories", story)["fi"]
    StoryVideo.objects.create(story=story, original="stories/video/original/x.mp4")
    assert "transcript" in missing_of("stories", story)["fi"]
