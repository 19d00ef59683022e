"""The Tesoma demo as data: `config/demo/data/`, read and cross-checked before anything is written.

- `areas.geojson`: Tampere and its district Tesoma, hand-drawn and approximate (not official);
- `campaign.md`: the "Tesoma together" campaign, its settings and texts in three languages;
- `themes.json`: the campaign's themes in order (each colour at least 5:1 against white);
- `contributions.geojson`: resident input in Finnish, with neighbours' comments and supports;
- `accounts.json`: development-only accounts (listed in the README);
- `organisations.json`, `pilots.geojson`: an association and its pilots answering contributions;
- `places.geojson`: the places of Tesoma that the map's search finds and descriptions name, drawn
  approximately (every one marked so).

Every reference (parent area, theme, contribution title, account, method card) must name something
defined, and every geometry must lie inside the campaign's area. A mistake raises
`DataFileError` with the file and the line.
"""

import re
from datetime import datetime
from pathlib import Path

from django.contrib.gis.geos import MultiPolygon
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from config.demo.files import Feature, Fields, features_read, json_read, records_read
from config.demo.read_people import accounts_read, organisations_read, pilots_read
from config.demo.schema import (
    AreaData,
    CampaignData,
    CommentData,
    ContributionData,
    DemoData,
    PlaceData,
    ThemeData,
)
from config.demo.units import site_templates_read, units_read
from engagement.models import Campaign, Contribution
from geo.models import Area, Place
from toolkit.content.datafiles import (
    LANGUAGES,
    Document,
    document_read,
    meta_choice,
    meta_choices,
    meta_value,
)
from toolkit.content.loader import toolkit_content_read

DATA_DIR = Path(__file__).resolve().parent / "data"
CAMPAIGN_FIELDS = ("title", "description", "input_process")
CAMPAIGN_KEYS = (
    "slug",
    "area",
    "opens_at",
    "closes_at",
    "allow_anonymous",
    "geometry_kinds",
    "moderation",
)
# The GeoJSON type of each kind of geometry a campaign may take.
GEOMETRY_TYPES = {"point": "Point", "line": "LineString", "polygon": "Polygon"}
COLOR = re.compile(r"^#[0-9a-f]{6}$")


def demo_data_read(root: Path = DATA_DIR) -> DemoData:
    """Every demo file under `root`, validated and cross-checked."""
    root = Path(root)
    areas = _areas(root / "areas.geojson")
    campaign = _campaign(root / "campaign.md", areas)
    area = next(a for a in areas if a.slug == campaign.area)
    themes = _themes(records_read(root / "themes.json"))
    contributions = _contributions(
        features_read(root / "contributions.geojson", types=tuple(GEOMETRY_TYPES.values())),
        campaign=campaign,
        area=area,
        themes={theme.slug for theme in themes},
    )
    accounts = accounts_read(
        Fields.of(root / "accounts.json", json_read(root / "accounts.json"), "accounts")
    )
    organisations = organisations_read(records_read(root / "organisations.json"), accounts)
    pilots = pilots_read(
        features_read(root / "pilots.geojson", types=("Point",)),
        area=area,
        titles={contribution.title for contribution in contributions},
        organisations={organisation.name for organisation in organisations},
        accounts=accounts,
        cards=toolkit_content_read().card_slugs(),
    )
    places = _places(root / "places.geojson")
    units = units_read(root, themes={theme.slug for theme in themes}, areas={a.slug for a in areas})
    return DemoData(
        areas,
        campaign,
        themes,
        contributions,
        accounts,
        organisations,
        pilots,
        places,
        units=units,
        site_templates=site_templates_read(root),
    )


def _slug(record: Fields, key: str) -> str:
    value = record.text(key)
    try:
        validate_slug(value)
    except ValidationError:
        raise record.error(
            f'"{value}" is not a slug (lower-case letters, digits, -)', key
        ) from None
    return value


def _areas(path: Path) -> list[AreaData]:
    """Areas in file order; a parent comes before its children."""
    areas: list[AreaData] = []
    for feature in features_read(path, types=("MultiPolygon", "Polygon")):
        record = feature.properties.only(
            "slug", "name", "kind", "parent", "default_zoom", "description"
        )
        slug = _slug(record, "slug")
        if any(area.slug == slug for area in areas):
            raise record.error(f'area "{slug}" is defined twice', "slug")
        parent = record.optional_text("parent")
        if parent is not None and not any(area.slug == parent for area in areas):
            raise record.error(f'no area "{parent}" above this one', "parent")
        areas.append(
            AreaData(
                slug=slug,
                name=record.languages("name"),
                kind=record.choice("kind", Area.Kind.values, what="area kind"),
                parent=parent,
                default_zoom=record.integer("default_zoom", minimum=1, maximum=20),
                boundary=_multipolygon(feature),
                description=record.languages("description")
                if record.value("description", default=None) is not None
                else {},
            )
        )
    return areas


def _multipolygon(feature: Feature) -> MultiPolygon:
    if feature.geometry.geom_type == "Polygon":
        return MultiPolygon(feature.geometry, srid=4326)
    return feature.geometry


def _campaign(path: Path, areas: list[AreaData]) -> CampaignData:
    doc = document_read(path, fields=CAMPAIGN_FIELDS, keys=CAMPAIGN_KEYS)
    slug = meta_value(doc, "slug")
    if not isinstance(slug, str) or not re.fullmatch(r"[-a-z0-9]+", slug):
        raise doc.error("slug", "slug must be a word such as tesoma-together")
    allow_anonymous = meta_value(doc, "allow_anonymous", default=True)
    if not isinstance(allow_anonymous, bool):
        raise doc.error("allow_anonymous", "allow_anonymous must be true or false")
    kinds = Campaign.GeometryKind.values
    return CampaignData(
        slug=slug,
        area=meta_choice(doc, "area", [area.slug for area in areas], what="area"),
        opens_at=_moment(doc, "opens_at"),
        closes_at=_moment(doc, "closes_at", optional=True),
        allow_anonymous=allow_anonymous,
        geometry_kinds=meta_choices(doc, "geometry_kinds", kinds, what="geometry kind"),
        moderation=meta_choice(doc, "moderation", Campaign.Moderation.values, what="moderation"),
        texts={language: doc.texts[language] for language in LANGUAGES},
    )


def _moment(doc: Document, key: str, *, optional: bool = False) -> datetime | None:
    """An ISO 8601 time with its UTC offset, quoted: "2026-01-01T00:00:00+02:00"."""
    value = meta_value(doc, key, default=None) if optional else meta_value(doc, key)
    if value is None and optional:
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise doc.error(
            key, f'{key} must be a quoted time with its offset: "2026-01-01T00:00+02:00"'
        )
    return moment


def _themes(records: list[Fields]) -> list[ThemeData]:
    themes: list[ThemeData] = []
    for record in records:
        record.only("slug", "color", "name", "description")
        slug = _slug(record, "slug")
        if any(theme.slug == slug for theme in themes):
            raise record.error(f'theme "{slug}" is defined twice', "slug")
        color = record.text("color")
        if not COLOR.match(color):
            raise record.error(f'"{color}" is not a colour like "#1f5fa8"', "color")
        name, description = record.languages("name"), record.languages("description")
        themes.append(ThemeData(slug, color, name, description))
    return themes


def _contributions(
    features: list[Feature], *, campaign: CampaignData, area: AreaData, themes: set[str]
) -> list[ContributionData]:
    """Resident input; the title names a contribution (the loader skips titles already there)."""
    allowed = {GEOMETRY_TYPES[kind] for kind in campaign.geometry_kinds}
    contributions: list[ContributionData] = []
    for feature in features:
        record = feature.properties.only(
            "kind", "theme", "title", "body", "language", "comments", "supporters", "days_ago"
        )
        title = record.text("title")
        if any(contribution.title == title for contribution in contributions):
            raise record.error(f'a second contribution titled "{title}"', "title")
        if feature.geometry.geom_type not in allowed:
            message = f"the campaign takes no {feature.geometry.geom_type}"
            raise feature.geometry_error(message)
        if not area.boundary.contains(feature.geometry):
            raise feature.geometry_error(f'the geometry lies outside the area "{area.slug}"')
        theme = record.choice("theme", sorted(themes), what="theme")
        comments = [
            CommentData(by=c.only("by", "body").text("by"), body=c.text("body"))
            for c in record.records("comments", default=[])
        ]
        contributions.append(
            ContributionData(
                kind=record.choice("kind", Contribution.Kind.values, what="kind"),
                theme=theme,
                title=title,
                body=record.text("body"),
                language=record.choice("language", list(LANGUAGES), what="language"),
                geometry=feature.geometry,
                comments=comments,
                supporters=record.texts("supporters", default=[]),
                days_ago=record.integer("days_ago", minimum=1, maximum=3650),
            )
        )
    return contributions


def _places(path: Path) -> list[PlaceData]:
    """The gazetteer's demo places; each id once, each marked approximate."""
    places: list[PlaceData] = []
    types = ("Point", "LineString", "Polygon", "MultiLineString", "MultiPolygon")
    for feature in features_read(path, types=types):
        record = feature.properties.only("id", "kind", "name", "approximate")
        place_id = _slug(record, "id")
        if any(place.id == place_id for place in places):
            raise record.error(f'place "{place_id}" is defined twice', "id")
        if record.value("approximate") is not True:
            raise record.error("a hand-drawn demo place must say true", "approximate")
        names = Fields.of(path, record.value("name"), f"{record.where}, name")
        names.only("fi", "sv")
        places.append(
            PlaceData(
                id=place_id,
                kind=record.choice("kind", Place.Kind.values, what="place kind"),
                name={"fi": names.text("fi"), "sv": names.optional_text("sv")},
                geometry=feature.geometry,
            )
        )
    return places
