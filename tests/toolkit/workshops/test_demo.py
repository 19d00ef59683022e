"""The demo's theatre session (fi, sv, en) and workshop plan: loaded from their files, twice
the same, and a mistake in a file named before anything is written."""

import json

import pytest

from toolkit.content import demo_workshops
from toolkit.content.demo import toolkit_demo_load
from toolkit.content.demo_workshops import (
    WorkshopDataError,
    workshops_demo_load,
    workshops_demo_read,
)
from toolkit.models import WorkshopItem, WorkshopPlan

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_theatre_session_in_three_languages_and_a_workshop_plan(toolkit_editor):
    # The toolkit's content, then the plans (load_demo does the same, with the demo's editor).
    toolkit_demo_load()
    assert workshops_demo_load(owner=toolkit_editor) == 4
    sessions = WorkshopPlan.objects.filter(kind="theatre")
    assert sorted(sessions.values_list("language", flat=True)) == ["en", "fi", "sv"]
    for session in sessions:
        kinds = list(session.items.values_list("kind", flat=True))
        assert kinds.count("scene") >= 2
        # Every scene is followed by a group exercise.
        assert all(kinds[n + 1] == "exercise" for n, k in enumerate(kinds) if k == "scene")
    assert WorkshopPlan.objects.filter(kind="workshop").exists()
    ids = list(WorkshopItem.objects.order_by("pk").values_list("pk", flat=True))
    workshops_demo_load(owner=toolkit_editor)
    assert list(WorkshopItem.objects.order_by("pk").values_list("pk", flat=True)) == ids


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"kind": "method", "method": "no-such-card"}, "no method card"),
        ({"kind": "exercise", "minutes": -1}, "minutes"),
        ({"kind": "dance"}, "kind"),
        ({"kind": "scene", "clip_end": 10**9}, "clip_end"),
    ],
)
def test_a_mistake_names_the_file_and_item(tmp_path, monkeypatch, item, message):
    (tmp_path / "bad.json").write_text(
        json.dumps({"token": "t", "title": "T", "kind": "theatre", "items": [item]})
    )
    monkeypatch.setattr(demo_workshops, "DATA", tmp_path)
    with pytest.raises(WorkshopDataError, match=rf"bad\.json, item 1: .*{message}"):
        workshops_demo_read()
