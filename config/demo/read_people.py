"""The people of the Tesoma demo: accounts, organisations and their pilots, read and checked.

Accounts are for development only (the README lists them); an organisation's member, a pilot's
proposer and reviewer must be accounts defined here, and a pilot answers contributions by title.
"""

from django.contrib.gis.geos import GEOSGeometry

from config.demo.files import Feature, Fields
from config.demo.schema import (
    AccountData,
    AccountsData,
    AreaData,
    MeasureData,
    OrganisationData,
    PilotData,
    ReportData,
)
from engagement.models import Contribution, Role
from toolkit.models import Organisation, Pilot


def _account(record: Fields, *keys: str, others: tuple[str, ...] = ()) -> AccountData:
    """An account; `keys` are AccountData's further texts, `others` keys read by the caller."""
    record.only("email", "password", *keys, *others)
    email = record.text("email")
    if "@" not in email:
        raise record.error(f'"{email}" is not an email address', "email")
    values = {key: record.text(key) for key in keys}
    return AccountData(email=email, password=record.text("password"), **values)


def accounts_read(record: Fields) -> AccountsData:
    record.only("resident", "officials", "organisation_member", "editor")
    resident = Fields.of(record.path, record.value("resident"), "resident")
    resident.only("username", "first_name")
    officials = []
    for official in record.records("officials"):
        account = _account(official, "role", "title", "unit")
        if account.role not in Role.Kind.values:
            expected = ", ".join(Role.Kind.values)
            raise official.error(f'unknown role "{account.role}" (expected {expected})', "role")
        officials.append(account)
    editor = Fields.of(record.path, record.value("editor"), "editor")
    accounts = AccountsData(
        resident=resident.text("username"),
        resident_first_name=resident.text("first_name"),
        officials=officials,
        organisation_member=_account(
            Fields.of(record.path, record.value("organisation_member"), "organisation_member"),
            "first_name",
        ),
        editor=_account(editor, others=("group", "permissions")),
        editor_group=editor.text("group"),
        editor_permissions=editor.texts("permissions"),
    )
    emails = [a.email for a in (*officials, accounts.organisation_member, accounts.editor)]
    if len(set(emails)) != len(emails):
        raise record.error("two accounts share an email address")
    return accounts


def organisations_read(records: list[Fields], accounts: AccountsData) -> list[OrganisationData]:
    organisations = []
    for record in records:
        record.only("name", "kind", "business_id", "member")
        member = record.text("member")
        if member not in accounts.emails():
            raise record.error(f'no account "{member}" in accounts.json', "member")
        organisations.append(
            OrganisationData(
                name=record.text("name"),
                kind=record.choice("kind", Organisation.Kind.values, what="organisation kind"),
                business_id=record.text("business_id", default="", blank=True),
                member=member,
            )
        )
    return organisations


def pilots_read(
    features: list[Feature],
    *,
    area: AreaData,
    titles: set[str],
    organisations: set[str],
    accounts: AccountsData,
    cards: set[str],
) -> list[PilotData]:
    pilots = []
    for feature in features:
        record = feature.properties
        record.only(*PilotData.__dataclass_fields__.keys() - {"geometry"})
        _known(record, "organisation", organisations, "organisation")
        for key in ("proposed_by", "reviewed_by"):
            _known(record, key, accounts.emails(), "account")
        for title in record.texts("answers"):
            if title not in titles:
                raise record.error(f'no contribution titled "{title}"', "answers")
        for slug in record.texts("method_cards", default=[]):
            if slug not in cards:
                raise record.error(f'unknown method card "{slug}"', "method_cards")
        if not area.boundary.contains(feature.geometry):
            raise feature.geometry_error(f'the pilot lies outside the area "{area.slug}"')
        pilots.append(_pilot(record, feature.geometry))
    return pilots


def _known(record: Fields, key: str, known: set[str], what: str) -> None:
    if record.text(key) not in known:
        raise record.error(f'unknown {what} "{record.text(key)}"', key)


def _pilot(record: Fields, geometry: GEOSGeometry) -> PilotData:
    measures = []
    for measure in record.records("measures"):
        measure.only("name", "unit", "target", "actual")
        actual = measure.optional_text("actual")
        name, unit, target = (measure.text(key) for key in ("name", "unit", "target"))
        measures.append(MeasureData(name, unit, target, actual))
    report = None
    if record.value("report", default=None) is not None:
        fields = Fields.of(record.path, record.value("report"), f"{record.where}, report")
        fields.only("narrative", "next_step", "outcome")
        report = ReportData(
            narrative=fields.text("narrative"),
            next_step=fields.choice("next_step", Pilot.NextStep.values, what="next step"),
            outcome=fields.choice("outcome", Contribution.Status.values, what="outcome"),
        )
        if any(measure.actual is None for measure in measures):
            raise record.error("a reported pilot needs every measure's actual value", "measures")
    return PilotData(
        title=record.text("title"),
        organisation=record.text("organisation"),
        proposed_by=record.text("proposed_by"),
        reviewed_by=record.text("reviewed_by"),
        answers=record.texts("answers"),
        hypothesis=record.text("hypothesis"),
        starts_days_ago=record.integer("starts_days_ago", minimum=0, maximum=3650),
        duration_days=record.integer("duration_days", minimum=1, maximum=3650),
        measures=measures,
        asks=record.text("asks", default="", blank=True),
        planned_methods=record.text("planned_methods", default="", blank=True),
        method_cards=record.texts("method_cards", default=[]),
        report=report,
        geometry=geometry,
    )
