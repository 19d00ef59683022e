"""engagement's one service that changes a contribution's public status: for officials'
answers and for the pilots of the toolkit alike."""

import pytest
from django.core.exceptions import ValidationError

from engagement.models import Follow, ModerationAction
from engagement.moderation import services as moderation
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(theme):
    """A contribution its author follows, so a status change has someone to tell."""
    author = UserFactory(username="author", email="author@example.org")
    item = ContributionFactory(
        campaign=theme.campaign, theme=theme, participant=participant_for_user(user=author)
    )
    Follow.objects.create(contribution=item, participant=participant_for_user(user=author))
    return item


def change(contribution, **overrides):
    fields = {
        "contribution": contribution,
        "status": "in_pilot",
        "text": "Tried out from May.",
        "signature": "Tesoman yrittäjät ry",
        "actor": None,
        "action": moderation.Action.PILOT_STATUS,
    }
    fields.update(overrides)
    return moderation.contribution_status_change(**fields)


def test_a_change_writes_the_status_its_signature_and_one_log_entry(followed, moderator):
    result = change(followed, actor=moderator, details={"pilot": 7})

    followed.refresh_from_db()
    assert followed.status == "in_pilot"
    assert (result.status, result.text, result.signature) == (
        "in_pilot",
        "Tried out from May.",
        "Tesoman yrittäjät ry",
    )
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.target_type, entry.target_id) == (
        "pilot_status",
        "contribution",
        followed.pk,
    )
    assert entry.actor == "Area coordinator, Western team"
    assert entry.details == {"status": "in_pilot", "pilot": 7}
    assert entry.reason == "Tried out from May."


def test_the_same_status_and_text_again_is_no_change_and_no_entry(followed):
    first = change(followed)
    assert change(followed, text="  Tried out from May. ") == first
    assert followed.status_changes.count() == 1
    assert ModerationAction.objects.count() == 1
    change(followed, text="Tried out from June.")
    assert followed.status_changes.count() == 2
    assert ModerationAction.objects.count() == 2


def test_the_author_hears_of_a_change_after_commit_unless_the_caller_tells_them(
    followed, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        change(followed, notify=False)
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        change(followed, status="planned", text="Built next spring.")
    assert [m.to for m in mailoutbox] == [["author@example.org"]]


@pytest.mark.parametrize(
    ("status", "text", "fields"),
    [("gone", "Why", {"status"}), ("done", "  ", {"text"}), ("done", "x" * 5001, {"text"})],
)
def test_an_unknown_status_or_an_empty_or_overlong_text_is_refused(followed, status, text, fields):
    with pytest.raises(ValidationError) as error:
        change(followed, status=status, text=text)
    assert set(error.value.message_dict) == fields
    followed.refresh_from_db()
    assert followed.status == "new"
    assert not ModerationAction.objects.exists()


def test_an_official_answer_is_logged_as_a_response_and_marks_the_contribution_looked_at(
    followed, moderator
):
    moderation.contribution_respond(
        actor=moderator, contribution=followed, status="planned", text="We build it."
    )
    followed.refresh_from_db()
    assert followed.moderated_at is not None
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.actor) == ("respond", "Area coordinator, Western team")
    assert followed.status_changes.get().signature == "Area coordinator, Western team"


def test_an_action_that_sets_no_status_cannot_be_logged_as_one(followed):
    with pytest.raises(ValueError):
        change(followed, action=moderation.Action.HIDE)
