"""Every model has a factory whose rows pass the models' and the services' rules, and the
personas can do what their roles allow."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import reverse

from engagement.interop.services import api_key_check
from engagement.models import Contribution, ModerationAction, Role
from engagement.participation.selectors import campaign_default, contributions_public
from engagement.rules import analysed_campaigns, can_moderate
from geo.services import geometry_validate_in_area
from tests.factories import (
    FACTORIES,
    ApiKeyFactory,
    AreaFactory,
    CampaignFactory,
    CommentFactory,
    ContributionFactory,
    FlagFactory,
    ModerationActionFactory,
    OrganisationFactory,
    PhotoFactory,
    PilotFactory,
    PilotPhotoFactory,
    RoleFactory,
    StatusChangeFactory,
    box,
    business_id,
)
from toolkit.models import Pilot
from toolkit.pilots.validators import business_id_is_valid
from toolkit.rules import is_member, pilot_is_public

pytestmark = pytest.mark.django_db

MODELS = [
    model
    for label in ("geo", "engagement", "toolkit")
    for model in apps.get_app_config(label).get_models()
]


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_every_model_has_a_factory_whose_row_is_valid_and_saved(model):
    assert model in FACTORIES, f"tests/factories has no factory for {model._meta.label}"
    row = FACTORIES[model]()
    row.full_clean()
    assert model.objects.filter(pk=row.pk).exists()


# The services' rules ----------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["point", "route", "polygon"])
def test_a_contribution_of_each_shape_lies_in_its_campaign_area_and_is_public(shape):
    contribution = ContributionFactory(**{shape: True})
    geometry_validate_in_area(geometry=contribution.geometry, area=contribution.campaign.area)
    assert contribution.area == contribution.campaign.area
    assert contribution.theme.campaign == contribution.campaign
    assert contribution in contributions_public(campaign=contribution.campaign)


def test_a_contribution_takes_the_smallest_area_around_it_as_the_service_does():
    campaign = CampaignFactory()
    other = CampaignFactory()  # over the same box: neither takes the other's area
    west, south, east, north = campaign.area.boundary.extent
    neighbourhood = AreaFactory(
        neighbourhood=True,
        parent=campaign.area,
        boundary=box(west, south, (west + east) / 2, north),
    )
    in_the_west = ContributionFactory(
        campaign=campaign, geometry=neighbourhood.boundary.point_on_surface
    )
    assert in_the_west.area == neighbourhood
    assert ContributionFactory(campaign=campaign).area == campaign.area
    assert ContributionFactory(campaign=other).area == other.area


def test_pre_moderation_keeps_a_new_contribution_out_of_public_view():
    contribution = ContributionFactory(campaign=CampaignFactory(pre_moderated=True))
    assert contribution.moderation_state == Contribution.ModerationState.PENDING
    assert contribution not in contributions_public()


@pytest.mark.parametrize("state", ["pending", "hidden", "withdrawn"])
def test_contributions_out_of_public_view_are_not_public(state):
    assert ContributionFactory(**{state: True}) not in contributions_public()


def test_a_reply_answers_a_comment_of_the_same_contribution():
    reply = CommentFactory(reply=True)
    assert reply.parent.contribution == reply.contribution


def test_a_flag_on_a_comment_names_the_comment_and_its_contribution():
    flag = FlagFactory(on_comment=True)
    assert flag.comment.contribution == flag.contribution


def test_a_status_change_gives_the_contribution_its_status():
    change = StatusChangeFactory(status=Contribution.Status.DONE)
    assert Contribution.objects.get(pk=change.contribution_id).status == "done"


@pytest.mark.parametrize(
    ("factory", "path"), [(PhotoFactory, "photos/"), (PilotPhotoFactory, "pilots/")]
)
def test_photos_are_real_images_in_the_storage(factory, path, media_root):
    photo = factory()
    assert photo.image.name.startswith(path) and photo.image.storage.exists(photo.image.name)
    assert photo.thumbnail.storage.exists(photo.thumbnail.name)
    assert (photo.image.width, photo.image.height) == (photo.width, photo.height)
    assert photo.image.path.startswith(str(media_root))


def test_an_api_key_factory_gives_the_secret_the_service_accepts():
    live, revoked = ApiKeyFactory(), ApiKeyFactory(revoked=True)
    assert api_key_check(key=live.secret) == live
    assert api_key_check(key=revoked.secret) is None


def test_the_moderation_log_takes_factory_rows_and_refuses_to_change_them():
    entry = ModerationActionFactory()
    assert entry.actor == "Area coordinator, Western team"
    assert can_moderate(get_user_model().objects.get(pk=entry.actor_id), entry.campaign)
    site_wide = ModerationActionFactory(site_wide=True)
    assert site_wide.campaign is None and site_wide.target_type == "apikey"
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=entry.pk).update(reason="changed")


def test_roles_are_scoped_to_a_campaign_or_an_area():
    moderator = RoleFactory(moderator=True)
    analyst = RoleFactory(analyst=True)
    area = RoleFactory(area_scoped=True)
    assert can_moderate(moderator.user, moderator.campaign)
    assert not can_moderate(analyst.user, analyst.campaign)
    assert analysed_campaigns(analyst.user).get() == analyst.campaign
    assert area.campaign is None and area.area is not None
    assert analyst.kind == Role.Kind.ANALYST
    with pytest.raises(ValidationError):
        RoleFactory.build(campaign=None, user=moderator.user).full_clean()


def test_organisations_have_valid_business_ids_and_a_member():
    ids = {OrganisationFactory().business_id for _ in range(12)}
    assert all(business_id_is_valid(value) for value in ids) and len(ids) == 12
    assert all(business_id_is_valid(business_id(n)) for n in range(0, 200))
    organisation = OrganisationFactory()
    assert is_member(organisation.members.get(), organisation)


@pytest.mark.parametrize(
    ("trait", "status", "public", "contributions_status"),
    [
        ("proposed", Pilot.Status.PROPOSED, False, Contribution.Status.NEW),
        ("changes_requested", Pilot.Status.CHANGES_REQUESTED, False, Contribution.Status.NEW),
        ("approved", Pilot.Status.APPROVED, True, Contribution.Status.IN_PILOT),
        ("running", Pilot.Status.APPROVED, True, Contribution.Status.IN_PILOT),
        ("reported", Pilot.Status.REPORTED, True, Contribution.Status.PLANNED),
        ("declined", Pilot.Status.DECLINED, True, Contribution.Status.NEW),
    ],
)
def test_pilot_traits_leave_the_pilot_as_the_services_would(
    trait, status, public, contributions_status
):
    pilot = PilotFactory(**{trait: True})
    assert pilot.status == status and pilot_is_public(pilot) is public
    assert pilot.ends_on > pilot.starts_on
    geometry_validate_in_area(geometry=pilot.geometry, area=pilot.campaign.area)
    answered = list(pilot.contributions.all())
    assert answered and all(c.campaign == pilot.campaign for c in answered)
    assert {c.status for c in answered} == {contributions_status}
    assert is_member(pilot.created_by, pilot.organisation)
    measure = pilot.measures.get()
    assert (measure.actual is not None) is (trait == "reported")


def _listed(client, **params) -> set[int]:
    response = client.get("/api/v1/pilots/", params)
    assert response.status_code == 200
    return {feature["id"] for feature in response.json()["features"]}


def test_an_approved_started_pilot_is_listed_as_running_by_the_api(client):
    running = PilotFactory(running=True)
    not_started = PilotFactory(approved=True, campaign=running.campaign)
    reported = PilotFactory(reported=True, campaign=running.campaign)
    PilotFactory(proposed=True, campaign=running.campaign)
    assert _listed(client, status="running") == {running.pk}
    assert _listed(client) == {running.pk, not_started.pk, reported.pk}


def test_a_published_contribution_is_in_the_public_selector(contribution):
    assert contribution in contributions_public(campaign=contribution.campaign)


# Personas -----------------------------------------------------------------------------------


def test_the_resident_is_signed_up_with_a_participant(resident, resident_participant):
    assert resident.participant == resident_participant


def test_the_moderator_signs_with_a_public_title_and_unit(moderator, campaign):
    role = moderator.yhdessa_roles.get()
    assert role.campaign == campaign and role.kind == Role.Kind.MODERATOR
    assert role.signature == "Area coordinator, Western team"


def test_the_campaign_is_the_default_one(campaign):
    assert campaign_default() == campaign


def test_the_organisation_member_belongs_to_the_organisation(organisation_member, organisation):
    assert is_member(organisation_member, organisation)
    assert organisation.business_id == "1572860-0"


@pytest.mark.parametrize(
    ("persona", "path", "allowed"),
    [
        ("moderator", "/moderation/", True),
        ("resident", "/moderation/", False),
        ("analyst", "/moderation/", False),
        ("analyst", "/analysis/", True),
        ("moderator", "/analysis/", True),
        ("resident", "/analysis/", False),
        ("toolkit_editor", "/toolkit/edit/", True),
        ("resident", "/toolkit/edit/", False),
        ("organisation_member", "/toolkit/edit/", False),
    ],
)
def test_personas_reach_what_their_role_allows(request, campaign, persona, path, allowed):
    client = request.getfixturevalue(f"{persona}_client")
    status = client.get(path).status_code
    if allowed:
        assert status == 200
    else:
        assert status in (302, 403)


def test_the_organisation_member_may_propose_a_pilot(organisation_member_client, campaign):
    response = organisation_member_client.get(reverse("toolkit:pilot-new"))
    assert response.status_code == 200


def test_a_toolkit_editor_may_change_cards_and_stories(toolkit_editor):
    assert toolkit_editor.has_perm("toolkit.change_methodcard")
    assert toolkit_editor.has_perm("toolkit.change_story")
    assert toolkit_editor.groups.filter(name="Toolkit editors").exists()
