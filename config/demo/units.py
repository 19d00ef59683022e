"""The demo's city units and reply templates (decision 0030): `units.json`, each unit with the
themes and areas it answers for and its templates in fi/sv/en; `reply_templates.json`, the
site-wide templates. Read and checked with the rest of the demo; written idempotently (a unit is
matched on its campaign and Finnish name, a template on its unit and Finnish title)."""

from dataclasses import dataclass
from pathlib import Path

from config.demo.files import Fields, records_read
from engagement.models import Campaign, CityUnit, Contribution, ReplyTemplate, Theme
from engagement.moderation.routing_services import contributions_route_unassigned
from geo.models import Area
from toolkit.content.datafiles import LANGUAGES


@dataclass(frozen=True)
class TemplateData:
    title: dict[str, str]
    body: dict[str, str]


@dataclass(frozen=True)
class UnitData:
    name: dict[str, str]
    email: str
    themes: list[str]
    areas: list[str]
    answer_within_days: int
    templates: list[TemplateData]


def _template(record: Fields) -> TemplateData:
    record.only("title", "body")
    return TemplateData(record.languages("title"), record.languages("body"))


def units_read(root: Path, *, themes: set[str], areas: set[str]) -> list[UnitData]:
    """`units.json`: every theme and area named must be the demo's."""
    units: list[UnitData] = []
    for record in records_read(root / "units.json"):
        record.only("slug", "name", "email", "themes", "areas", "answer_within_days", "templates")
        record.text("slug")
        for key, known in (("themes", themes), ("areas", areas)):
            for slug in record.texts(key):
                if slug not in known:
                    raise record.error(f'unknown {key[:-1]} "{slug}"', key)
        units.append(
            UnitData(
                name=record.languages("name"),
                email=record.text("email"),
                themes=record.texts("themes"),
                areas=record.texts("areas"),
                answer_within_days=record.integer("answer_within_days", minimum=1, maximum=365),
                templates=[_template(t) for t in record.records("templates")],
            )
        )
    return units


def site_templates_read(root: Path) -> list[TemplateData]:
    return [_template(record) for record in records_read(root / "reply_templates.json")]


def _languages(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{language}": texts[language] for language in LANGUAGES}


def _templates(unit: CityUnit | None, templates: list[TemplateData]) -> None:
    for position, spec in enumerate(templates, start=1):
        ReplyTemplate.objects.update_or_create(
            unit=unit,
            title_fi=spec.title["fi"],
            defaults={
                **_languages("title", spec.title),
                **_languages("body", spec.body),
                "position": position,
            },
        )


def units_write(
    units: list[UnitData],
    site_templates: list[TemplateData],
    *,
    campaign: Campaign,
    themes: dict[str, Theme],
) -> int:
    """The campaign's units and every template; then the campaign's contributions that no unit
    has are routed (they may have arrived before the units). Returns how many were routed."""
    for spec in units:
        unit, _ = CityUnit.objects.update_or_create(
            campaign=campaign,
            name_fi=spec.name["fi"],
            defaults={
                **_languages("name", spec.name),
                "email": spec.email,
                "answer_within_days": spec.answer_within_days,
            },
        )
        unit.themes.set([themes[slug] for slug in spec.themes])
        unit.areas.set(Area.objects.filter(slug__in=spec.areas))
        _templates(unit, spec.templates)
    _templates(None, site_templates)
    return contributions_route_unassigned(
        contributions=Contribution.objects.filter(campaign=campaign)
    )
