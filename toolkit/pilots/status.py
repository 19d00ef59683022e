"""What a pilot's status means to the public, defined once for pages, the API and services.

A pilot is *running* while it is approved and today lies between its start and end dates. The
rule is written once, as lookups (`_running_lookups`): querysets filter with them as a `Q`, and
`pilot_is_running` evaluates the same lookups on one instance, so the two cannot drift apart.
"""

import operator
from datetime import date

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from toolkit.models import Pilot

# Anyone may see these; proposals stay between the organisation and the officials.
PUBLIC_STATUSES = (Pilot.Status.APPROVED, Pilot.Status.REPORTED, Pilot.Status.DECLINED)
UNDER_REVIEW = (Pilot.Status.PROPOSED, Pilot.Status.CHANGES_REQUESTED)
# Shown instead of "approved" while the pilot runs; not stored, so never stale.
RUNNING = "running"
RUNNING_LABEL = _("Running")
# What a public list may be filtered by: running, or one of the public statuses.
SHOWN_STATUS_CHOICES = [
    (RUNNING, RUNNING_LABEL),
    *((value, label) for value, label in Pilot.Status.choices if value in PUBLIC_STATUSES),
]

_COMPARE = {"exact": operator.eq, "lte": operator.le, "gte": operator.ge}


def today() -> date:
    """Today in the site's time zone: the day pilots start and end on."""
    return timezone.localdate()


def _running_lookups(on: date) -> dict[str, object]:
    """Approved, started on or before `on` and ending on or after it."""
    return {"status": Pilot.Status.APPROVED, "starts_on__lte": on, "ends_on__gte": on}


def running_q(on: date | None = None) -> Q:
    """The running pilots, for a queryset filter."""
    return Q(**_running_lookups(on or today()))


def pilot_is_running(pilot: Pilot, on: date | None = None) -> bool:
    """The same rule as `running_q`, on one pilot."""
    for lookup, value in _running_lookups(on or today()).items():
        field, _sep, comparison = lookup.partition("__")
        if not _COMPARE[comparison or "exact"](getattr(pilot, field), value):
            return False
    return True


def pilot_has_started(pilot: Pilot, on: date | None = None) -> bool:
    """Approved and past its start: its organisation may report results, also after the end."""
    return pilot.status == Pilot.Status.APPROVED and pilot.starts_on <= (on or today())


def shown_status_expression(on: date | None = None) -> Case:
    """The status the public sees, as a queryset expression: "running" or the stored one."""
    return Case(
        When(running_q(on), then=Value(RUNNING)), default=F("status"), output_field=CharField()
    )


def pilot_shown_status(pilot: Pilot, on: date | None = None) -> str:
    """The status the public sees for one pilot, by the same rule."""
    return RUNNING if pilot_is_running(pilot, on) else pilot.status


def pilot_shown_status_label(pilot: Pilot, on: date | None = None) -> str | Promise:
    """The shown status in words, in the active language."""
    shown = pilot_shown_status(pilot, on)
    return RUNNING_LABEL if shown == RUNNING else Pilot.Status(shown).label
