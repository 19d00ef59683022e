"""Writing the Tesoma demo into the database, through the apps' services where they have one.

Idempotent: areas, the campaign and themes are matched on their slugs, accounts on their user
names, a contribution whose title already exists in the campaign is skipped, and so is a pilot
whose title exists.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import transaction
from django.utils import timezone, translation

from config.demo.background import demo_background_load
from config.demo.schema import AccountData, ContributionData, DemoData, PilotData
from config.demo.units import units_write
from config.demo.walks import demo_walk_load
from engagement.models import (
    Campaign,
    Comment,
    Contribution,
    Participant,
    Role,
    StatusProposal,
    Support,
    Theme,
)
from engagement.moderation.proposals import status_proposal_confirm
from engagement.participation.places import contributions_place_refresh
from engagement.participation.services import (
    comment_add,
    contribution_submit,
    participant_for_user,
    support_add,
)
from geo.models import Area, Place
from toolkit.content.datafiles import LANGUAGES
from toolkit.content.demo import toolkit_demo_load
from toolkit.content.demo_video import demo_videos_load
from toolkit.content.demo_workshops import workshops_demo_load, workshops_demo_read
from toolkit.models import MethodCard, Organisation, Pilot
from toolkit.pilots.services import (
    MeasurePlan,
    organisation_register,
    pilot_propose,
    pilot_report,
    pilot_review,
)

DEMO_PLACE_SOURCE = "demo"


@dataclass(frozen=True)
class Loaded:
    """What a run did, for the command's summary."""

    areas: list[str]
    campaign: Campaign
    themes: int
    created: int
    existing: int
    cards: int
    stories: int


def demo_write(data: DemoData) -> Loaded:
    """Create or update the whole demo from `data`; a second run changes nothing."""
    workshops_demo_read()  # a mistake in the plans' files stops the load before any write
    # The untranslated columns (name, title, description) take the default language.
    with translation.override("fi"), transaction.atomic():
        areas = _areas(data)
        _places(data)
        campaign = _campaign(data, areas)
        themes = _themes(data, campaign)
        _officials(data, campaign)
        units_write(data.units, data.site_templates, campaign=campaign, themes=themes)
        created = _contributions(data, campaign, themes)
        # Contributions written before the places were there are described by them now.
        contributions_place_refresh(Contribution.objects.filter(campaign=campaign))
        demo_background_load(campaign)
        demo_walk_load(campaign)
    with transaction.atomic():
        cards, stories = toolkit_demo_load()
        _editor(data)
        workshops_demo_load(owner=_account(data.accounts.editor))
    demo_videos_load()  # a real video made from the project's own material (decision 0037)
    _pilots(data, campaign)
    return Loaded(
        areas=list(areas),
        campaign=campaign,
        themes=len(themes),
        created=created,
        existing=len(data.contributions) - created,
        cards=cards,
        stories=stories,
    )


def _areas(data: DemoData) -> dict[str, Area]:
    areas: dict[str, Area] = {}
    for spec in data.areas:
        names = {f"name_{language}": spec.name[language] for language in LANGUAGES}
        areas[spec.slug], _ = Area.objects.update_or_create(
            slug=spec.slug,
            defaults={
                **names,
                "kind": spec.kind,
                "parent": areas[spec.parent] if spec.parent else None,
                "boundary": spec.boundary,
                "default_zoom": spec.default_zoom,
            },
        )
    return areas


def _places(data: DemoData) -> None:
    """The gazetteer's demo places, matched on their id in the "demo" source."""
    for spec in data.places:
        Place.objects.update_or_create(
            source=DEMO_PLACE_SOURCE,
            source_id=spec.id,
            defaults={
                "name_fi": spec.name["fi"],
                "name_sv": spec.name["sv"],
                "kind": spec.kind,
                "geometry": spec.geometry,
                "approximate": True,
            },
        )


def _campaign(data: DemoData, areas: dict[str, Area]) -> Campaign:
    spec = data.campaign
    defaults = {
        "area": areas[spec.area],
        "opens_at": spec.opens_at,
        "closes_at": spec.closes_at,
        "allow_anonymous": spec.allow_anonymous,
        "geometry_kinds": spec.geometry_kinds,
        "moderation": spec.moderation,
    }
    for language in LANGUAGES:
        for field, text in spec.texts[language].items():
            defaults[f"{field}_{language}"] = text
    campaign, _ = Campaign.objects.update_or_create(slug=spec.slug, defaults=defaults)
    return campaign


def _themes(data: DemoData, campaign: Campaign) -> dict[str, Theme]:
    themes: dict[str, Theme] = {}
    for position, spec in enumerate(data.themes, start=1):
        defaults = {"color": spec.color, "position": position}
        for language in LANGUAGES:
            defaults[f"name_{language}"] = spec.name[language]
            defaults[f"description_{language}"] = spec.description[language]
        themes[spec.slug], _ = Theme.objects.update_or_create(
            campaign=campaign, slug=spec.slug, defaults=defaults
        )
    return themes


def _account(account: AccountData, **defaults: str) -> AbstractUser:
    """A user named by the address, with a verified address; the password is set once."""
    user, created = get_user_model().objects.get_or_create(
        username=account.email, defaults={"email": account.email, **defaults}
    )
    if created:
        user.set_password(account.password)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    return user


def _officials(data: DemoData, campaign: Campaign) -> None:
    """A moderator of the campaign, and an analyst and a facilitator of its area."""
    for official in data.accounts.officials:
        user = _account(official)
        scope = (
            {"campaign": campaign}
            if official.role == Role.Kind.MODERATOR
            else {"area": campaign.area}
        )
        Role.objects.update_or_create(
            user=user,
            kind=official.role,
            **scope,
            defaults={"title": official.title, "unit": official.unit},
        )


def _contributions(data: DemoData, campaign: Campaign, themes: dict[str, Theme]) -> int:
    """The demo pins, by a demo resident who cannot sign in (no usable password); neighbours
    comment on and support some of them. Returns how many were created."""
    resident, _ = get_user_model().objects.get_or_create(
        username=data.accounts.resident,
        defaults={"first_name": data.accounts.resident_first_name},
    )
    if resident.has_usable_password():
        resident.set_unusable_password()
        resident.save()
    participant = participant_for_user(user=resident)
    existing = set(Contribution.objects.filter(campaign=campaign).values_list("title", flat=True))
    created = 0
    for position, spec in enumerate(data.contributions):
        if spec.title in existing:
            continue
        contribution = contribution_submit(
            campaign=campaign,
            participant=participant,
            kind=spec.kind,
            theme=themes[spec.theme],
            title=spec.title,
            body=spec.body,
            geometry=spec.geometry.clone(),
            language=spec.language,
        )
        # Each neighbour in turn writes their comments, then supports.
        for token in dict.fromkeys([c.by for c in spec.comments] + spec.supporters):
            neighbour, _ = Participant.objects.get_or_create(token_hash=token)
            for comment in spec.comments:
                if comment.by == token:
                    comment_add(contribution=contribution, participant=neighbour, body=comment.body)
            if token in spec.supporters:
                support_add(contribution=contribution, participant=neighbour)
        _date(contribution, spec, position)
        existing.add(spec.title)
        created += 1
    return created


def _date(contribution: Contribution, spec: ContributionData, position: int) -> None:
    """Date a new demo contribution `spec.days_ago` days before today (at an hour set by its
    place in the file, so the same load gives the same days and weeks), its comments a day apart
    after it and its supports half a day apart, none later than now: the analysis page's weeks
    have something to show (decision 0033)."""
    now = timezone.now()
    day = timezone.localdate() - timedelta(days=spec.days_ago)
    written = timezone.make_aware(datetime.combine(day, time(9 + position % 9, 10 + position)))
    Contribution.objects.filter(pk=contribution.pk).update(created_at=min(written, now))
    comments = Comment.objects.filter(contribution=contribution).order_by("created_at", "pk")
    for n, pk in enumerate(comments.values_list("pk", flat=True), start=1):
        moment = min(written + timedelta(days=n, hours=n), now)
        Comment.objects.filter(pk=pk).update(created_at=moment)
    supports = Support.objects.filter(contribution=contribution).order_by("created_at", "pk")
    for n, pk in enumerate(supports.values_list("pk", flat=True), start=1):
        Support.objects.filter(pk=pk).update(created_at=min(written + timedelta(hours=12 * n), now))


def _editor(data: DemoData) -> None:
    """The toolkit editors' group, and a demo editor in it."""
    group, _ = Group.objects.get_or_create(name=data.accounts.editor_group)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="toolkit", codename__in=data.accounts.editor_permissions
        )
    )
    _account(data.accounts.editor).groups.add(group)


@transaction.atomic
def _pilots(data: DemoData, campaign: Campaign) -> None:
    """The organisations, and their pilots proposed, approved and (some) reported."""
    people = data.accounts.by_email()
    organisations = {}
    for spec in data.organisations:
        member = _account(people[spec.member], first_name=people[spec.member].first_name)
        organisation = Organisation.objects.filter(name=spec.name).first()
        if organisation is None:
            organisation = organisation_register(
                user=member, name=spec.name, kind=spec.kind, business_id=spec.business_id
            )
        organisations[spec.name] = organisation
    users = get_user_model().objects
    for spec in data.pilots:
        if not Pilot.objects.filter(title=spec.title).exists():
            _pilot(
                spec,
                campaign=campaign,
                organisation=organisations[spec.organisation],
                proposer=users.get(username=spec.proposed_by),
                reviewer=users.get(username=spec.reviewed_by),
                cards=list(MethodCard.objects.filter(slug__in=spec.method_cards)),
            )


def _pilot(
    spec: PilotData,
    *,
    campaign: Campaign,
    organisation: Organisation,
    proposer: AbstractUser,
    reviewer: AbstractUser,
    cards: list[MethodCard],
) -> None:
    starts = timezone.localdate() - timedelta(days=spec.starts_days_ago)
    pilot = pilot_propose(
        user=proposer,
        organisation=organisation,
        campaign=campaign,
        title=spec.title,
        geometry=spec.geometry.clone(),
        contributions=list(Contribution.objects.filter(campaign=campaign, title__in=spec.answers)),
        hypothesis=spec.hypothesis,
        starts_on=starts,
        ends_on=starts + timedelta(days=spec.duration_days),
        measures=[MeasurePlan(m.name, m.unit, m.target) for m in spec.measures],
        asks=spec.asks,
        planned_methods=spec.planned_methods,
        method_cards=cards,
    )
    pilot_review(actor=reviewer, pilot=pilot, decision="approve")
    if spec.report is not None:
        measures = pilot.measures.all()
        pilot_report(
            user=proposer,
            pilot=pilot,
            actuals={m.pk: spec.measures[i].actual for i, m in enumerate(measures)},
            narrative=spec.report.narrative,
            next_step=spec.report.next_step,
            outcome=spec.report.outcome,
        )
        # The city has confirmed the first answered idea's proposed status; the other's waits
        # for an official (decision 0040), so the demo shows both.
        first = StatusProposal.objects.filter(contribution__pilots=pilot).order_by("pk").first()
        if first is not None:
            status_proposal_confirm(actor=reviewer, proposal=first)
