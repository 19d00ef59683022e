"""The Tesoma demo's records as read from `config/demo/data/`, before anything is written."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.gis.geos import GEOSGeometry, MultiPolygon


@dataclass(frozen=True)
class AreaData:
    slug: str
    name: dict[str, str]
    kind: str
    parent: str | None
    default_zoom: int
    boundary: MultiPolygon
    # A sub-area's note that its outline is an approximate demo boundary (fi, sv, en); the
    # Area model has no description column, so it stays in the data files.
    description: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CampaignData:
    slug: str
    area: str
    opens_at: datetime
    closes_at: datetime | None
    allow_anonymous: bool
    geometry_kinds: list[str]
    moderation: str
    texts: dict[str, dict[str, str]]  # language -> title, description, input_process


@dataclass(frozen=True)
class ThemeData:
    slug: str
    color: str
    name: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class CommentData:
    by: str  # the neighbour participant's token
    body: str


@dataclass(frozen=True)
class ContributionData:
    kind: str
    theme: str
    title: str
    body: str
    language: str
    geometry: GEOSGeometry
    comments: list[CommentData]
    supporters: list[str]
    days_ago: int = 1  # written this many days before the load, so the weeks have input


@dataclass(frozen=True)
class AccountData:
    email: str
    password: str
    role: str = ""  # officials: moderator of the campaign, analyst or facilitator of its area
    title: str = ""
    unit: str = ""
    first_name: str = ""


@dataclass(frozen=True)
class AccountsData:
    resident: str  # the username of the demo resident who owns the pins (cannot sign in)
    resident_first_name: str
    officials: list[AccountData]
    organisation_member: AccountData
    editor: AccountData
    editor_group: str
    editor_permissions: list[str]

    def by_email(self) -> dict[str, AccountData]:
        people = [*self.officials, self.organisation_member, self.editor]
        return {account.email: account for account in people}

    def emails(self) -> set[str]:
        return set(self.by_email())


@dataclass(frozen=True)
class OrganisationData:
    name: str
    kind: str
    business_id: str
    member: str


@dataclass(frozen=True)
class MeasureData:
    name: str
    unit: str
    target: str
    actual: str | None


@dataclass(frozen=True)
class ReportData:
    narrative: str
    next_step: str
    outcome: str


@dataclass(frozen=True)
class PilotData:
    title: str
    organisation: str
    proposed_by: str
    reviewed_by: str
    answers: list[str]
    hypothesis: str
    starts_days_ago: int
    duration_days: int
    measures: list[MeasureData]
    asks: str
    planned_methods: str
    method_cards: list[str]
    report: ReportData | None
    geometry: GEOSGeometry


@dataclass(frozen=True)
class PlaceData:
    id: str
    kind: str
    name: dict[str, str | None]  # fi always; sv where the place has a Swedish name
    geometry: GEOSGeometry


@dataclass(frozen=True)
class DemoData:
    areas: list[AreaData]
    campaign: CampaignData
    themes: list[ThemeData]
    contributions: list[ContributionData]
    accounts: AccountsData
    organisations: list[OrganisationData]
    pilots: list[PilotData]
    places: list[PlaceData] = field(default_factory=list)
    # City units and reply templates (config.demo.units, decision 0030).
    units: list = field(default_factory=list)
    site_templates: list = field(default_factory=list)
