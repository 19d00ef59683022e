"""Workshop plans and theatre sessions through their services: made, changed whole or not at
all, ordered, timed, and only by their creator; the JSON items become rows in their order."""

from datetime import time
from importlib import import_module

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import MethodCardFactory, StoryFactory, UserFactory
from toolkit.models import WorkshopItem, WorkshopPlan
from toolkit.workshops.selectors import workshop_schedule
from toolkit.workshops.services import (
    ItemInput,
    PlanEdit,
    workshop_plan_change,
    workshop_plan_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    return UserFactory(username="trainer")


@pytest.fixture
def plan(trainer):
    cards = [MethodCardFactory(), MethodCardFactory()]
    story = StoryFactory()
    return workshop_plan_create(
        user=trainer,
        title="Evening",
        start_time="18:00",
        methods=[c.slug for c in cards],
        stories=[story.slug],
    )


def _inputs(plan, changes: dict | None = None) -> list[ItemInput]:
    """Every item as it is saved, with `changes` ({item id: {field: typed}}) applied."""
    rows = []
    for item in plan.items.all():
        values = {
            "minutes": str(item.minutes),
            "notes": item.notes,
            "title": item.title,
            "script": item.script,
            "questions": item.questions,
            "story": item.story.slug if item.story else "",
            "clip_start": "" if item.clip_start is None else str(item.clip_start),
            "clip_end": "" if item.clip_end is None else str(item.clip_end),
        }
        values.update((changes or {}).get(item.pk, {}))
        rows.append(ItemInput(id=item.pk, **values))
    return rows


def test_a_plan_starts_with_the_chosen_cards_and_stories_in_order_with_minutes(plan):
    kinds = list(plan.items.values_list("kind", "position", "minutes"))
    assert kinds == [("method", 0, 30), ("method", 1, 30), ("story", 2, 20)]
    schedule = workshop_schedule(plan=plan)
    assert schedule.total == 80
    assert [row.starts_at for row in schedule.items] == [time(18), time(18, 30), time(19)]
    assert [row.cumulative for row in schedule.items] == [30, 60, 80]
    assert schedule.ends_at == time(19, 20)


def test_unknown_or_draft_cards_are_refused_and_nothing_is_made(trainer):
    draft = MethodCardFactory(draft=True)
    with pytest.raises(ValidationError) as refused:
        workshop_plan_create(user=trainer, title="X", methods=["no-such-card", draft.slug])
    assert "methods" in refused.value.message_dict
    assert not WorkshopPlan.objects.exists()


def test_a_theatre_session_may_start_empty_but_a_workshop_may_not(trainer):
    with pytest.raises(ValidationError):
        workshop_plan_create(user=trainer, title="Empty")
    session = workshop_plan_create(user=trainer, title="Scenes", kind="theatre")
    assert session.kind == "theatre" and session.items.count() == 0


def test_move_down_and_up_reorders_and_saves_the_typed_fields(plan, trainer):
    first, second, third = plan.items.all()
    changed = workshop_plan_change(
        user=trainer,
        plan=plan,
        edit=PlanEdit(
            title="Evening at Tesoma",
            start_time="17.30",
            items=_inputs(plan, {first.pk: {"minutes": "45", "notes": "Warm up"}}),
            action="move",
            target=first.pk,
            direction=1,
        ),
    )
    assert (changed.item_id, changed.position, changed.count) == (first.pk, 2, 3)
    assert list(plan.items.values_list("pk", flat=True)) == [second.pk, first.pk, third.pk]
    first.refresh_from_db()
    assert (first.minutes, first.notes) == (45, "Warm up")
    plan.refresh_from_db()
    assert plan.title == "Evening at Tesoma" and plan.start_time == time(17, 30)
    # Up from the top stays at the top.
    workshop_plan_change(
        user=trainer,
        plan=plan,
        edit=PlanEdit(
            title="E", items=_inputs(plan), action="move", target=second.pk, direction=-1
        ),
    )
    assert list(plan.items.values_list("pk", flat=True)) == [second.pk, first.pk, third.pk]


def test_the_order_sent_by_the_page_is_saved(plan, trainer):
    a, b, c = plan.items.all()
    typed = {i.id: i for i in _inputs(plan)}
    workshop_plan_change(
        user=trainer, plan=plan, edit=PlanEdit(title="E", items=[typed[c.pk], typed[a.pk]])
    )
    assert list(plan.items.values_list("pk", flat=True)) == [c.pk, a.pk, b.pk]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("-5", "min_value"), ("99999", "max_value"), ("10**9", "invalid"), ("abc", "invalid")],
)
def test_bad_minutes_are_refused_and_nothing_is_saved(plan, trainer, typed, code):
    first = plan.items.first()
    with pytest.raises(ValidationError) as refused:
        workshop_plan_change(
            user=trainer,
            plan=plan,
            edit=PlanEdit(
                title="Changed",
                items=_inputs(plan, {first.pk: {"minutes": typed, "notes": "kept?"}}),
                action="move",
                target=first.pk,
                direction=1,
            ),
        )
    assert refused.value.error_dict[f"item-{first.pk}-minutes"][0].code == code
    first.refresh_from_db()
    plan.refresh_from_db()
    assert (plan.title, first.position, first.notes) == ("Evening", 0, "")


def test_someone_else_cannot_change_the_plan(plan):
    for who in (UserFactory(), AnonymousUser()):
        with pytest.raises(PermissionDenied):
            workshop_plan_change(user=who, plan=plan, edit=PlanEdit(title="Mine now"))


def test_a_plan_made_signed_out_is_changed_by_the_session_that_made_it():
    card = MethodCardFactory()
    plan = workshop_plan_create(user=AnonymousUser(), title="Anon", methods=[card.slug])
    with pytest.raises(PermissionDenied):
        workshop_plan_change(user=AnonymousUser(), plan=plan, edit=PlanEdit(title="X"))
    workshop_plan_change(
        user=AnonymousUser(), plan=plan, edit=PlanEdit(title="X"), session_tokens=[plan.token]
    )
    plan.refresh_from_db()
    assert plan.title == "X"


def test_a_theatre_session_of_scenes_and_exercises(trainer):
    story = StoryFactory()
    session = workshop_plan_create(user=trainer, title="Forum", kind="theatre")

    def add(kind, **fields):
        return workshop_plan_change(
            user=trainer,
            plan=session,
            edit=PlanEdit(
                title="Forum", items=_inputs(session), action="add", new_kind=kind, **fields
            ),
        )

    add("scene", new_story=story.slug, new_title="At the bus stop")
    add("exercise", new_title="Groups")
    add("scene", new_title="The meeting")
    scene, exercise, script = session.items.all()
    assert (scene.kind, scene.story, scene.minutes) == ("scene", story, 5)
    workshop_plan_change(
        user=trainer,
        plan=session,
        edit=PlanEdit(
            title="Forum",
            items=[
                ItemInput(
                    id=scene.pk,
                    minutes="4",
                    title="At the bus stop",
                    story=story.slug,
                    clip_start="10",
                    clip_end="70",
                ),
                ItemInput(
                    id=exercise.pk,
                    minutes="20",
                    title="Groups",
                    questions="1. Who speaks?\n2. Who is silent?",
                ),
                ItemInput(
                    id=script.pk,
                    minutes="6",
                    title="The meeting",
                    script="**OFFICIAL:** We hear you.\n\n**RESIDENT:** Do you?",
                ),
            ],
        ),
    )
    scene.refresh_from_db()
    exercise.refresh_from_db()
    assert (scene.clip_start, scene.clip_end, exercise.minutes) == (10, 70, 20)
    assert workshop_schedule(plan=session).total == 30
    with pytest.raises(ValidationError) as refused:
        workshop_plan_change(
            user=trainer,
            plan=session,
            edit=PlanEdit(
                title="Forum",
                items=[
                    ItemInput(
                        id=scene.pk, minutes="4", story="nope", clip_start="70", clip_end="10"
                    )
                ],
            ),
        )
    assert {f"item-{scene.pk}-story", f"item-{scene.pk}-clip_end"} <= set(
        refused.value.message_dict
    )


def test_unknown_cards_and_stories_cannot_be_added(plan, trainer):
    for fields in (
        {"new_kind": "method", "new_method": "nope"},
        {"new_kind": "story"},
        {"new_kind": "bogus"},
    ):
        with pytest.raises(ValidationError):
            workshop_plan_change(
                user=trainer,
                plan=plan,
                edit=PlanEdit(title="E", items=_inputs(plan), action="add", **fields),
            )
    assert plan.items.count() == 3


def test_removing_an_item_renumbers_the_rest(plan, trainer):
    a, b, c = plan.items.all()
    workshop_plan_change(
        user=trainer,
        plan=plan,
        edit=PlanEdit(title="E", items=_inputs(plan), action="remove", target=b.pk),
    )
    assert list(plan.items.values_list("pk", "position")) == [(a.pk, 0), (c.pk, 1)]


def test_the_migration_turns_json_items_into_rows_in_their_order(django_db_blocker):
    migration = import_module("toolkit.migrations.0004_sessions")
    card, story = MethodCardFactory(), StoryFactory()
    plan = WorkshopPlan.objects.create(token="legacy", title="Old")

    class Apps:
        """The migration's view of the models, with the old JSON list on the plan."""

        def get_model(self, app, name):
            return {"WorkshopPlan": _Plans, "WorkshopItem": WorkshopItem}.get(name) or (
                __import__("toolkit.models", fromlist=[name]).__dict__[name]
            )

    class _Plans:
        objects = type("M", (), {"all": staticmethod(lambda: _Rows())})()

    class _Rows(list):
        def iterator(self):
            plan.legacy_items = [
                {"kind": "story", "slug": story.slug, "notes": "first"},
                {"kind": "method", "slug": "deleted-card"},
                {"kind": "method", "slug": card.slug},
                "junk",
            ]
            return iter([plan])

    migration.items_from_json(Apps(), None)
    assert list(plan.items.values_list("kind", "position", "notes")) == [
        ("story", 0, "first"),
        ("method", 1, ""),
    ]
