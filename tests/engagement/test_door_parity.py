"""The HTML door and the API door refuse the same bad request alike: the same field, the same
message, a 4xx, and nothing stored. Each case builds one request for each door."""

from dataclasses import dataclass, field

import pytest
from django.test import Client

from engagement.models import Comment, Contribution, Flag, ModerationAction
from tests.factories import OUTSIDE, CampaignFactory, CommentFactory, ContributionFactory

pytestmark = pytest.mark.django_db

# The HTML forms' names for what the API calls otherwise.
API_NAME_OF = {"parent": "reply_to", "__all__": "non_field_errors"}
ON_TOP = "non_field_errors"


@dataclass
class Door:
    """One request: where it goes, what it sends, and for a page the form in its context that
    shows the refusal (None: the page shows it as a message on top)."""

    url: str
    data: dict
    form: str | None = None


@dataclass
class Case:
    html: Door
    api: Door
    field: str  # as the API names it
    message: str
    moderator: bool = False
    nothing_stored: list = field(default_factory=list)  # models that must stay as they were


def _comment(contribution: Contribution, data: dict, api_data: dict | None = None) -> tuple:
    pk = contribution.pk
    return (
        Door(f"/en/contributions/{pk}/comments/", data, form="comment_form"),
        Door(f"/api/v1/contributions/{pk}/comments/", api_data or data),
    )


def _flag(contribution: Contribution, data: dict) -> tuple:
    pk = contribution.pk
    return (
        Door(f"/en/contributions/{pk}/flag/", data),
        Door(f"/api/v1/contributions/{pk}/flags/", data),
    )


def _submission(theme, **overrides) -> tuple:
    html = {
        "kind": "idea",
        "theme": theme.slug,
        "title": "Table tennis at the library",
        "body": "Young people need something to do in the evenings.",
        "lat": "61.5005",
        "lon": "23.6301",
    }
    api = {
        "campaign": theme.campaign.slug,
        "kind": "idea",
        "theme": theme.slug,
        "title": html["title"],
        "body": html["body"],
        "geometry": {"type": "Point", "coordinates": [23.6301, 61.5005]},
    }
    for key, value in overrides.items():
        if key == "point":
            html["lon"], html["lat"] = (str(c) for c in value.coords)
            api["geometry"] = {"type": "Point", "coordinates": list(value.coords)}
        else:
            html[key] = api[key] = value
    return (
        Door(f"/en/campaigns/{theme.campaign.slug}/", html, form="form"),
        Door("/api/v1/contributions/", api),
    )


def _moderation(contribution: Contribution, html: dict, api: dict, form: str | None) -> tuple:
    pk = contribution.pk
    return (
        Door(f"/en/moderation/contributions/{pk}/", html, form=form),
        Door(f"/api/v1/moderation/contributions/{pk}/", api),
    )


NOT_ON_CONTRIBUTION = "That comment is not on this contribution."


def _reply(contribution: Contribution, parent: int) -> Case:
    return Case(
        *_comment(
            contribution,
            {"body": "I agree", "parent": parent},
            {"body": "I agree", "reply_to": parent},
        ),
        field="reply_to",
        message="You can reply only to a comment on this contribution.",
        nothing_stored=[Comment],
    )


def reply_to_a_missing_comment(contribution, theme):
    return _reply(contribution, 999999)


def reply_to_a_hidden_comment(contribution, theme):
    return _reply(
        contribution, CommentFactory(contribution=contribution, moderation_state="hidden").pk
    )


def reply_to_a_reply(contribution, theme):
    comment = CommentFactory(contribution=contribution)
    return _reply(contribution, CommentFactory(contribution=contribution, parent=comment).pk)


def reply_to_another_contributions_comment(contribution, theme):
    elsewhere = ContributionFactory(campaign=theme.campaign, theme=theme)
    return _reply(contribution, CommentFactory(contribution=elsewhere).pk)


def empty_comment(contribution, theme):
    return Case(
        *_comment(contribution, {"body": "   "}),
        field="body",
        message="Write a comment of 1 to 3000 characters (now 0).",
        nothing_stored=[Comment],
    )


def comment_on_a_closed_campaign(contribution, theme):
    closed = ContributionFactory(campaign=CampaignFactory(closed=True))
    return Case(
        *_comment(closed, {"body": "Too late?"}),
        field=ON_TOP,
        message="This campaign is not open for input now.",
        nothing_stored=[Comment],
    )


def flag_on_a_missing_comment(contribution, theme):
    return Case(
        *_flag(contribution, {"reason": "spam", "comment": 999999}),
        field="comment",
        message=NOT_ON_CONTRIBUTION,
        nothing_stored=[Flag],
    )


def flag_on_another_contributions_comment(contribution, theme):
    elsewhere = CommentFactory(
        contribution=ContributionFactory(campaign=theme.campaign, theme=theme)
    )
    return Case(
        *_flag(contribution, {"reason": "spam", "comment": elsewhere.pk}),
        field="comment",
        message=NOT_ON_CONTRIBUTION,
        nothing_stored=[Flag],
    )


def contribution_with_a_too_short_title(contribution, theme):
    return Case(
        *_submission(theme, title="ab"),
        field="title",
        message="Write a title of 3 to 120 characters (now 2).",
        nothing_stored=[Contribution],
    )


def contribution_outside_the_area(contribution, theme):
    return Case(
        *_submission(theme, point=OUTSIDE),
        field="geometry",
        message=(
            f"The location is outside {theme.campaign.area.name}. "
            "Choose a place inside the area on the map."
        ),
        nothing_stored=[Contribution],
    )


def moderator_answer_without_text(contribution, theme):
    return Case(
        *_moderation(
            contribution,
            {"action": "respond", "status": "planned", "text": ""},
            {"action": "respond", "status": "planned", "text": ""},
            form="respond",
        ),
        field="text",
        message="Write a public answer of 1 to 5000 characters.",
        moderator=True,
        nothing_stored=[ModerationAction],
    )


def moderator_hides_without_a_reason(contribution, theme):
    return Case(
        *_moderation(contribution, {"action": "hide"}, {"action": "hide"}, form=None),
        field="reason",
        message="Choose why the item is hidden.",
        moderator=True,
        nothing_stored=[ModerationAction],
    )


def moderator_blocks_an_author_who_is_gone(contribution, theme):
    gone = ContributionFactory(campaign=theme.campaign, theme=theme, participant=None)
    return Case(
        *_moderation(
            gone,
            {"action": "block", "block-reason": "Spam"},
            {"action": "block", "note": "Spam"},
            form=None,
        ),
        field=ON_TOP,
        message="The author's account is gone: there is no one to block.",
        moderator=True,
        nothing_stored=[ModerationAction],
    )


CASES = [
    reply_to_a_missing_comment,
    reply_to_a_hidden_comment,
    reply_to_a_reply,
    reply_to_another_contributions_comment,
    empty_comment,
    comment_on_a_closed_campaign,
    flag_on_a_missing_comment,
    flag_on_another_contributions_comment,
    contribution_with_a_too_short_title,
    contribution_outside_the_area,
    moderator_answer_without_text,
    moderator_hides_without_a_reason,
    moderator_blocks_an_author_who_is_gone,
]


def _page_refusal(response, door: Door) -> dict[str, list[str]]:
    """What the page refused, by field as the API names it: its form's errors, or the
    messages it shows on top."""
    if door.form is None:
        return {ON_TOP: [str(m) for m in response.context["messages"] if m.level_tag == "error"]}
    errors = response.context[door.form].errors
    return {API_NAME_OF.get(name, name): list(messages) for name, messages in errors.items()}


def _counts(models: list) -> list[int]:
    return [model.objects.count() for model in models]


@pytest.mark.parametrize("make_case", CASES, ids=[case.__name__ for case in CASES])
def test_both_doors_refuse_a_bad_request_with_the_same_field_and_message(
    make_case, contribution, theme, moderator
):
    case = make_case(contribution, theme)
    page, api = Client(), Client(headers={"accept-language": "en"})
    if case.moderator:
        page.force_login(moderator)
        api.force_login(moderator)
    before = _counts(case.nothing_stored)

    html = page.post(case.html.url, case.html.data)
    answer = api.post(case.api.url, case.api.data, content_type="application/json")

    assert 400 <= html.status_code < 500
    assert answer.status_code == 400
    assert answer.json()[case.field] == [case.message]
    refused = _page_refusal(html, case.html)
    if case.html.form is None:
        # A page message has no field to sit on: the API's field is the service's.
        assert refused[ON_TOP] == [case.message]
    else:
        assert refused[case.field] == [case.message]
    assert _counts(case.nothing_stored) == before


def test_a_reply_to_a_public_comment_is_one_through_either_door(client, contribution):
    """The refusals above are of bad replies only: a good one is stored as a reply."""
    comment = CommentFactory(contribution=contribution)
    client.post(
        f"/contributions/{contribution.pk}/comments/", {"body": "Yes", "parent": comment.pk}
    )
    client.post(
        f"/api/v1/contributions/{contribution.pk}/comments/",
        {"body": "Indeed", "reply_to": comment.pk},
        content_type="application/json",
    )
    assert list(comment.replies.values_list("body", flat=True).order_by("id")) == ["Yes", "Indeed"]


def test_a_flag_on_a_comment_of_the_contribution_flags_that_comment_through_either_door(
    client, contribution
):
    comment = CommentFactory(contribution=contribution)
    client.post(
        f"/contributions/{contribution.pk}/flag/", {"reason": "spam", "comment": comment.pk}
    )
    Client().post(
        f"/api/v1/contributions/{contribution.pk}/flags/",
        {"reason": "spam", "comment": comment.pk},
        content_type="application/json",
    )
    assert Flag.objects.filter(comment=comment).count() == 2
    assert not Flag.objects.filter(comment=None).exists()
