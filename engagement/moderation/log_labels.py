"""The moderation log in words: translated actions, reasons and object kinds, and links.

The log stores plain codes (`hide`, `spam`, `contribution` 27) so that it stays readable after a
translation changes and survives the objects it names; the pages and the CSV turn them into
the reader's language here, one place for all three (docs/decisions/0031).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement.common.forms import form_id
from engagement.models import Comment, Contribution, HiddenReason, ModerationAction, Photo

# What each stored target_type is called, in the reader's language.
TARGET_KINDS = {
    "contribution": gettext_lazy("Contribution"),
    "comment": gettext_lazy("Comment"),
    "photo": gettext_lazy("Photo"),
    "participant": gettext_lazy("Participant"),
    "pilot": gettext_lazy("Pilot"),
    "apikey": gettext_lazy("API key"),
}
# The actions whose `reason` is a HiddenReason code rather than a moderator's own words.
CODED_REASONS = {
    ModerationAction.Action.HIDE,
    ModerationAction.Action.HIDE_PHOTO,
    ModerationAction.Action.FLAG_HIDE,
}


def target_kind_label(target_type: str) -> str:
    """ "Contribution", "Kommentti"…; an unknown kind as stored."""
    label = TARGET_KINDS.get(target_type)
    return str(label) if label is not None else target_type


def log_reason_label(entry: ModerationAction) -> str:
    """The reason as the reader reads it: a hiding category translated (`spam` → "roskaposti
    tai mainonta"), a moderator's own note as written. A category given with a note (kept in
    `details`) is shown before it."""
    reasons = dict(HiddenReason.choices)
    code = entry.details.get("hidden_reason") if isinstance(entry.details, dict) else None
    if entry.reason in reasons and (entry.action in CODED_REASONS or entry.reason == code):
        return str(reasons[entry.reason])
    if code in reasons and entry.reason and entry.reason != code:
        return f"{reasons[code]}: {entry.reason}"
    return entry.reason


@dataclass(frozen=True)
class LogRow:
    """One log entry as the log page and its CSV show it."""

    entry: ModerationAction
    action: str
    kind: str
    reason: str
    link: str
    title: str

    @property
    def target(self) -> str:
        """ "Contribution 27", in the reader's language."""
        return f"{self.kind} {self.entry.target_id}"


def merged_into(entry: ModerationAction) -> int | None:
    """The original a "duplicate" entry merged into, or None: `details` is whatever JSON the
    entry was written with (an older row, the admin), so it is read without trusting it."""
    if entry.action != ModerationAction.Action.DUPLICATE or not isinstance(entry.details, dict):
        return None
    return form_id(entry.details.get("original"))


def _titles(entries: list[ModerationAction]) -> dict[tuple[str, int], tuple[int, str]]:
    """For each (kind, id) of a contribution, comment or photo: its contribution's id and
    title, read in three queries whatever the number of entries."""
    ids: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        ids[entry.target_type].add(entry.target_id)
        if original := merged_into(entry):
            ids["contribution"].add(original)
    found: dict[tuple[str, int], tuple[int, str]] = {}
    for pk, title in Contribution.objects.filter(pk__in=ids["contribution"]).values_list(
        "pk", "title"
    ):
        found["contribution", pk] = (pk, title)
    for model, kind in ((Comment, "comment"), (Photo, "photo")):
        rows = model.objects.filter(pk__in=ids[kind]).values_list(
            "pk", "contribution_id", "contribution__title"
        )
        for pk, contribution_id, title in rows:
            found[kind, pk] = (contribution_id, title)
    return found


def _link(kind: str, pk: int, titles: dict) -> tuple[str, str]:
    """The moderation page an entry's object is read on, and the title to show with it."""
    if (kind, pk) in titles:
        contribution_id, title = titles[kind, pk]
        url = reverse("engagement:moderation-contribution", kwargs={"pk": contribution_id})
        if kind == "comment":
            return f"{url}#history", _("a comment on “%(title)s”") % {"title": title}
        if kind == "photo":
            return url, _("a photo of “%(title)s”") % {"title": title}
        return url, title
    # A pilot's page is the toolkit's, which engagement does not name (tests/test_architecture).
    return "", ""


def log_rows(entries: Iterable[ModerationAction]) -> list[LogRow]:
    """The entries in words and with links; a removed object keeps its kind and id, unlinked."""
    entries = list(entries)
    titles = _titles(entries)
    rows = []
    for entry in entries:
        link, title = _link(entry.target_type, entry.target_id, titles)
        rows.append(
            LogRow(
                entry=entry,
                action=str(entry.get_action_display()),
                kind=target_kind_label(entry.target_type),
                reason=log_reason_label(entry),
                link=link,
                title=title,
            )
        )
    return rows


def log_target_link(kind: str, pk: int) -> tuple[str, str]:
    """The link and title of one object, for a single entry (the history's merge target)."""
    entry_titles = {}
    if kind == "contribution":
        row = Contribution.objects.filter(pk=pk).values_list("pk", "title").first()
        if row:
            entry_titles["contribution", pk] = row
    return _link(kind, pk, entry_titles)
