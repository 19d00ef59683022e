"""The report an official hands on: the analysis page's figures for its filters, as an XLSX
workbook and as the printable page's data (decision 0034).

Reads only what the analysis page reads: published contributions (`analysed_contributions`),
the same counts (`overview`, `time_series`) and background answers in groups of at least k
(`background_results`), so a report never shows more than the page.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.analysis.selectors import (
    AnalysisFilters,
    analysed_contributions,
    describe_period,
    overview,
    time_series,
    week_label,
    weekly_series,
)
from engagement.background.selectors import Result, background_results, min_group
from engagement.models import Contribution, StatusChange
from engagement.participation.places import contribution_place_text

if TYPE_CHECKING:
    from openpyxl import Workbook

# The workbook's contributions sheet holds at most this many (the newest); the summary says so.
XLSX_MAX_ROWS = 50_000


def filter_lines(filters: AnalysisFilters) -> list[tuple[str, str]]:
    """The filters in words, for the top of every report."""
    return [
        (_("Campaign"), filters.campaign.title),
        (_("Theme"), filters.theme.name if filters.theme else _("All themes")),
        (
            _("Kind"),
            str(Contribution.Kind(filters.kind).label) if filters.kind else _("All kinds"),
        ),
        (
            _("Status"),
            str(Contribution.Status(filters.status).label) if filters.status else _("All statuses"),
        ),
        (_("Sub-area"), filters.area.name if filters.area else _("The whole area")),
        (_("Period"), describe_period(filters.since, filters.until)),
    ]


def report_contributions(*, filters: AnalysisFilters) -> QuerySet[Contribution]:
    return (
        analysed_contributions(filters=filters)
        .select_related("theme", "area", "place")
        .order_by("-created_at", "-id")
    )


def official_answers(ids: list[int]) -> dict[int, str]:
    """The newest public explanation an official gave with a status, per contribution."""
    rows = (
        StatusChange.objects.filter(contribution_id__in=ids)
        .exclude(text="")
        .order_by("contribution_id", "-created_at", "-id")
        .distinct("contribution_id")
        .values_list("contribution_id", "text", "signature")
    )
    return {pk: f"{text} — {signature}" if signature else text for pk, text, signature in rows}


def report_data(*, filters: AnalysisFilters) -> dict:
    """Everything both reports show, computed once."""
    counts = overview(filters=filters)
    days = time_series(filters=filters)
    return {
        "filters": filters,
        "filter_lines": filter_lines(filters),
        "generated_at": timezone.localtime(),
        "counts": counts,
        "weeks": weekly_series(days),
        "background": background_results(filters=filters),
        "k": min_group(),
    }


# XLSX ----------------------------------------------------------------------------------------


@functools.cache
def _xl() -> SimpleNamespace:
    """openpyxl, imported with the first workbook: at import it costs every process of the
    site (gunicorn's workers, manage.py, the worker) half a second at start."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    return SimpleNamespace(
        Workbook=Workbook,
        WriteOnlyCell=WriteOnlyCell,
        illegal=ILLEGAL_CHARACTERS_RE,
        bold=Font(bold=True),
        wrap=Alignment(wrap_text=True, vertical="top"),
    )


def _naive(moment: datetime) -> datetime:
    """Excel has no time zones: the site's local time."""
    return timezone.localtime(moment).replace(tzinfo=None)


class _Sheet:
    """A write-only sheet with a bold, frozen header row, widths and an autofilter."""

    def __init__(self, book: Workbook, title: str, headers: list[str], widths: list[int]):
        self.sheet = book.create_sheet(title[:31])
        self.sheet.freeze_panes = "A2"
        for index, width in enumerate(widths):
            self.sheet.column_dimensions[chr(ord("A") + index)].width = width
        self.columns = len(headers)
        self.rows = 1
        self.xl = _xl()
        self.sheet.append([self._cell(h, font=self.xl.bold) for h in headers])

    def _cell(self, value, *, font=None, number_format=None, wrap=False):
        """Residents' text stays text: control characters a workbook cannot hold are dropped
        (openpyxl would refuse the whole file), and "=..." is stored as a string, never run as a
        formula (the CSV exports make such cells inert too)."""
        text = isinstance(value, str)
        if text:
            value = self.xl.illegal.sub("", value)
        cell = self.xl.WriteOnlyCell(self.sheet, value=value)
        if text and value.startswith("="):
            cell.data_type = "s"
        if font:
            cell.font = font
        if number_format:
            cell.number_format = number_format
        if wrap:
            cell.alignment = self.xl.wrap
        return cell

    def append(self, values: list, formats: dict[int, str] | None = None, wrap=()) -> None:
        formats = formats or {}
        self.sheet.append(
            [
                self._cell(v, number_format=formats.get(i), wrap=i in wrap)
                for i, v in enumerate(values)
            ]
        )
        self.rows += 1

    def finish(self) -> None:
        last = chr(ord("A") + self.columns - 1)
        self.sheet.auto_filter.ref = f"A1:{last}{max(self.rows, 1)}"


DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
PERCENT = "0.0"


def _bars_sheet(book: Workbook, title: str, first: str, bars: list, total: int) -> None:
    sheet = _Sheet(book, title, [first, _("Contributions"), _("Share (%)")], [40, 16, 12])
    for bar in bars:
        share = 100 * bar.count / total if total else 0
        sheet.append([bar.label, bar.count, round(share, 1)], {2: PERCENT})
    sheet.finish()


def _background_sheet(book: Workbook, results: list[Result], k: int) -> None:
    sheet = _Sheet(
        book,
        _("Background"),
        [
            _("Question"),
            _("Group"),
            _("Respondents"),
            _("Share of respondents (%)"),
            _("Share of population (%)"),
            _("Population source"),
            _("Year"),
        ],
        [24, 30, 14, 14, 14, 40, 8],
    )
    for result in results:
        base = result.population
        source = ""
        if base is not None:
            demo = _("demo values, not statistics")
            source = f"{base.source} ({demo})" if base.is_demo else base.source
        if result.answered is None:
            sheet.append([result.label, _("Fewer than %(k)d respondents: not shown") % {"k": k}])
            continue
        for row in result.rows:
            if row.count is None:
                continue  # a combination still under k: not in the workbook
            sheet.append(
                [
                    result.label,
                    row.label,
                    row.count,
                    round(row.share, 1) if row.share is not None else None,
                    round(row.population, 1) if row.population is not None else None,
                    source if base else "",
                    base.year if base else None,
                ],
                {3: PERCENT, 4: PERCENT},
            )
    sheet.finish()


def report_workbook(*, filters: AnalysisFilters, absolute: callable) -> bytes:
    """The workbook's bytes; `absolute` turns a path into the public link."""
    data = report_data(filters=filters)
    counts = data["counts"]
    totals = counts["totals"]
    book = _xl().Workbook(write_only=True)

    summary = _Sheet(book, _("Summary"), [_("Item"), _("Value")], [28, 60])
    summary.append([_("Report"), _("Analysis report")])
    for label, value in data["filter_lines"]:
        summary.append([label, value])
    summary.append([_("Generated at"), _naive(data["generated_at"])], {1: DATETIME})
    for key, label in (
        ("contributions", _("Contributions")),
        ("comments", _("Comments")),
        ("supports", _("Supports")),
        ("participants", _("Participants")),
    ):
        summary.append([label, totals[key]])
    summary.append(
        [_("Smallest group shown"), data["k"]],
    )
    summary.append(
        [_("Note"), _("Published contributions only, as on the analysis page.")], wrap={1}
    )
    summary.finish()

    total = totals["contributions"]
    _bars_sheet(book, _("By theme"), _("Theme"), counts["by_theme"], total)
    _bars_sheet(book, _("By area"), _("Sub-area"), counts["by_area"], total)

    weeks = _Sheet(
        book,
        _("By week"),
        [_("Week starting"), _("Contributions"), _("Comments"), _("Supports")],
        [16, 16, 16, 16],
    )
    for week in data["weeks"]:
        weeks.append([week.first, week.contributions, week.comments, week.supports], {0: DATE})
    weeks.finish()

    _contributions_sheet(book, filters, absolute)
    _background_sheet(book, data["background"], data["k"])

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _contributions_sheet(book: Workbook, filters: AnalysisFilters, absolute: callable) -> None:
    sheet = _Sheet(
        book,
        _("Contributions"),
        [
            _("Id"),
            _("Title"),
            _("Description"),
            _("Theme"),
            _("Kind"),
            _("Status"),
            _("Sub-area"),
            _("Place"),
            _("Created"),
            _("Supports"),
            _("Comments"),
            _("Official answer"),
            _("Public link"),
        ],
        [8, 36, 60, 20, 10, 18, 18, 30, 17, 10, 10, 50, 40],
    )
    kinds = dict(Contribution.Kind.choices)
    statuses = dict(Contribution.Status.choices)
    qs = report_contributions(filters=filters)
    chunk: list[Contribution] = []

    def flush() -> None:
        answers = official_answers([c.pk for c in chunk])
        for c in chunk:
            url = reverse("engagement:contribution-detail", kwargs={"pk": c.pk})
            sheet.append(
                [
                    c.pk,
                    c.title,
                    c.body,
                    c.theme.name,
                    str(kinds.get(c.kind, c.kind)),
                    str(statuses.get(c.status, c.status)),
                    c.area.name if c.area_id else "",
                    contribution_place_text(c),
                    _naive(c.created_at),
                    c.supports_count,
                    c.comments_count,
                    answers.get(c.pk, ""),
                    absolute(url),
                ],
                {8: DATETIME},
                wrap={2, 11},
            )
        chunk.clear()

    for contribution in qs[:XLSX_MAX_ROWS].iterator(chunk_size=2000):
        chunk.append(contribution)
        if len(chunk) >= 2000:
            flush()
    flush()
    sheet.finish()


# Printable report ----------------------------------------------------------------------------

# The bars start at x=280 of 680 (the labels end at 272), leaving room for the value.
CHART_WIDTH = 340
ROW = 22


def _svg_bars(title: str, rows: list[tuple[str, int]]) -> dict:
    top = max((n for _label, n in rows), default=0) or 1
    return {
        "title": title,
        "height": max(len(rows), 1) * ROW,
        "rows": [
            {
                "label": label,
                "count": n,
                "width": max(round(CHART_WIDTH * n / top), 1 if n else 0),
                "y": i * ROW,
                "text_y": i * ROW + 15,
                "value_x": 280 + max(round(CHART_WIDTH * n / top), 1 if n else 0) + 6,
            }
            for i, (label, n) in enumerate(rows)
        ],
    }


def report_bars(data: dict) -> list[dict]:
    """The printable report's bar charts (SVG rows), each with its table beside it."""
    counts = data["counts"]
    charts = [
        _svg_bars(_("By theme"), [(b.label, b.count) for b in counts["by_theme"]]),
        _svg_bars(_("By kind"), [(b.label, b.count) for b in counts["by_kind"]]),
        _svg_bars(_("By status"), [(b.label, b.count) for b in counts["by_status"]]),
        _svg_bars(_("By sub-area"), [(b.label, b.count) for b in counts["by_area"]]),
        _svg_bars(
            _("By week"),
            [(" ".join(week_label(w)), w.contributions) for w in data["weeks"]],
        ),
    ]
    return charts
