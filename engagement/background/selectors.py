"""Reads of background answers: only in groups of at least k, beside the area's population.

k is settings.ANALYSIS_MIN_GROUP. Every surface (the analysis page, the XLSX workbook, the
printable report) reads `background_results`, so none can show a smaller group: for a question
with one answer each (age group, postal area), groups under k are combined, and the smallest
shown group joins them until the combination reaches k, so no figure and no difference of
figures counts fewer than k people; a question answered by fewer than k is not shown at all.
Relation to the area takes several answers: an option under k is combined with the other small
ones (people who chose any of them), shown without a number while still under k.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from engagement.analysis.selectors import AnalysisFilters, analysed_contributions
from engagement.models import BackgroundAnswer, BackgroundSurvey, Campaign
from engagement.models.background import (
    DECLINED,
    AgeGroup,
    PopulationBase,
    Question,
    Relation,
)

COMBINED = "combined"


def min_group() -> int:
    """k: the smallest group any surface shows (another part of the site may set it too)."""
    return getattr(settings, "ANALYSIS_MIN_GROUP", 5)


def survey_questions(*, campaign: Campaign) -> list[str]:
    """The background questions the campaign asks, in the order they are asked."""
    survey = BackgroundSurvey.objects.filter(campaign=campaign).first()
    if survey is None:
        return []
    return [q for q in Question.values if q in survey.questions]


def answer_of(*, campaign: Campaign, participant) -> BackgroundAnswer | None:
    """The participant's own answer set, for the form that edits it."""
    if participant is None:
        return None
    return BackgroundAnswer.objects.filter(campaign=campaign, participant=participant).first()


def _coarse(filters: AnalysisFilters) -> AnalysisFilters:
    """Only the theme and the sub-area narrow the respondents. A period of one day, or a kind
    or status that one contribution has, would let two views differ by one known author, whose
    answers would then be their difference."""
    return replace(filters, kind=None, status=None, since=None, until=None)


def _filtered(filters: AnalysisFilters) -> bool:
    return bool(filters.theme or filters.area)


def respondents(*, filters: AnalysisFilters) -> QuerySet[BackgroundAnswer]:
    """The campaign's answer sets; with a theme or sub-area, of those whose published
    contributions match."""
    filters = _coarse(filters)
    qs = BackgroundAnswer.objects.filter(campaign=filters.campaign)
    if _filtered(filters):
        qs = qs.filter(
            participant__in=analysed_contributions(filters=filters)
            .exclude(participant=None)
            .values("participant")
        )
    return qs


@dataclass
class Row:
    key: str
    label: str
    count: int | None  # None: fewer than k, not shown
    share: float | None = None  # of those who answered the question, in %
    population: float | None = None  # the population's share, in %
    combined: bool = False


@dataclass
class Result:
    question: str
    label: str
    multiple: bool
    answered: int | None  # None: fewer than k answered, nothing shown
    rows: list[Row] = field(default_factory=list)
    population: PopulationBase | None = None

    @property
    def compared(self) -> bool:
        return self.population is not None and any(r.population is not None for r in self.rows)

    @property
    def difference_rows(self) -> list[Row]:
        return [r for r in self.rows if r.share is not None and r.population is not None]


def _labels(question: str) -> dict[str, str]:
    labels = {DECLINED: _("Prefer not to say")}
    if question == Question.AGE_GROUP:
        labels.update(dict(AgeGroup.choices))
    elif question == Question.RELATION:
        labels.update(dict(Relation.choices))
    return {key: str(label) for key, label in labels.items()}


def _order(question: str, counts: Counter) -> list[str]:
    if question == Question.AGE_GROUP:
        known = [v for v in AgeGroup.values if v in counts]
    elif question == Question.RELATION:
        known = [v for v in Relation.values if v in counts]
    else:
        known = sorted((v for v in counts if v != DECLINED), key=lambda v: (-counts[v], v))
    return known + ([DECLINED] if DECLINED in counts else [])


def population_shares(base: PopulationBase | None) -> dict[str, float]:
    """Each group's share (%) of the population as entered: counts as shares of their sum."""
    if base is None:
        return {}
    values = {v.group: v.value for v in base.values.all()}
    if base.measure == PopulationBase.Measure.SHARE:
        return {group: float(value) for group, value in values.items()}
    total = sum(values.values(), Decimal(0))
    if not total:
        return {}
    return {group: float(100 * value / total) for group, value in values.items()}


def _single(question: str, values: list[str], k: int, population: dict) -> tuple[int, list[Row]]:
    counts = Counter(values)
    total = sum(counts.values())
    order = _order(question, counts)
    shown = [key for key in order if counts[key] >= k]
    small = [key for key in order if counts[key] < k]
    while small and sum(counts[key] for key in small) < k and shown:
        smallest = min(shown, key=lambda key: (counts[key], key == DECLINED))
        shown.remove(smallest)
        small.append(smallest)
    labels = _labels(question)
    rows = [
        Row(
            key,
            labels.get(key, key),
            counts[key],
            share=100 * counts[key] / total,
            population=population.get(key),
        )
        for key in order
        if key in shown
    ]
    if small:
        merged = sum(counts[key] for key in small)
        pop = [population[key] for key in small if key in population]
        rows.append(
            Row(
                COMBINED,
                _("Smaller groups combined"),
                merged,
                share=100 * merged / total,
                population=sum(pop) if pop else None,
                combined=True,
            )
        )
    # The population's own groups no respondent chose: their share still counts as a row.
    for key, share in population.items():
        if key not in counts and key not in (r.key for r in rows):
            rows.insert(len(shown), Row(key, labels.get(key, key), 0, share=0.0, population=share))
    return total, rows


def _multiple(answers: list[list[str]], k: int) -> tuple[int, list[Row]]:
    total = len(answers)
    counts = Counter(value for chosen in answers for value in set(chosen))
    labels = _labels(Question.RELATION)
    order = _order(Question.RELATION, counts)
    small = {key for key in order if counts[key] < k}
    rows = [
        Row(key, labels[key], counts[key], share=100 * counts[key] / total)
        for key in order
        if key not in small
    ]
    if small:
        merged = sum(1 for chosen in answers if small & set(chosen))
        rows.append(
            Row(
                COMBINED,
                _("Smaller groups combined"),
                merged if merged >= k else None,
                share=100 * merged / total if merged >= k else None,
                combined=True,
            )
        )
    return total, rows


def background_results(*, filters: AnalysisFilters) -> list[Result]:
    """The campaign's questions with their groups (k or more) and the population beside them."""
    k = min_group()
    questions = survey_questions(campaign=filters.campaign)
    if not questions:
        return []
    columns = ("age_group", "postal_code", "relations")
    answers = list(respondents(filters=filters).values_list(*columns))
    if _filtered(filters):
        # A view that leaves out fewer than k people would show them as its difference from the
        # whole campaign's: such a view shows nothing.
        everyone = BackgroundAnswer.objects.filter(campaign=filters.campaign).count()
        if 0 < everyone - len(answers) < k:
            answers = []
    bases = {
        b.question: b
        for b in PopulationBase.objects.filter(campaign=filters.campaign).prefetch_related("values")
    }
    labels = dict(Question.choices)
    results = []
    for question in questions:
        base = bases.get(question)
        if question == Question.RELATION:
            chosen = [relations for _age, _postal, relations in answers if relations]
            total, rows = _multiple(chosen, k) if len(chosen) >= k else (len(chosen), [])
        else:
            index = 0 if question == Question.AGE_GROUP else 1
            values = [answer[index] for answer in answers if answer[index]]
            population = population_shares(base)
            total, rows = _single(question, values, k, population) if len(values) >= k else (0, [])
            total = len(values)
        results.append(
            Result(
                question=question,
                label=str(labels[question]),
                multiple=question == Question.RELATION,
                answered=total if total >= k else None,
                rows=rows if total >= k else [],
                population=base,
            )
        )
    return results
