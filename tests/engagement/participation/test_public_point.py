"""The stored public location (Contribution.public_point, privacy_cell_x/y) and the map's
per-cell summary (ContributionCell) stay what today's rule computes from scratch, after every kind
of write; and a tile from the summary is the tile from the rows (decision 0025)."""

import random
from collections import defaultdict

import pytest
from django.contrib.gis.geos import LineString, Point
from django.db import connection, transaction
from django.db.utils import DatabaseError

from engagement.models import Contribution, ContributionCell
from engagement.moderation import services as moderation
from engagement.participation import services, tiles
from engagement.participation.selectors import contributions_public
from geo.selectors import PRIVACY_GRID_METRES, public_geometry
from tests.engagement.participation.test_tiles import CELL_E, CELL_N, at, features
from tests.factories import ContributionFactory, ThemeFactory
from tests.transforms import transformed

pytestmark = pytest.mark.django_db

TOLERANCE_DEGREES = 1e-7  # about a centimetre: PostGIS and GDAL round the transforms apart
IDS = tiles.IDS_PER_FEATURE


@pytest.fixture(autouse=True)
def immediate_map_version():
    tiles.tile_cache.clear()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS contribution_map_version IMMEDIATE")


def assert_stored_public_locations_are_the_rule() -> None:
    """Every row's stored public point and cell against the rule recomputed from scratch: the
    Python expression `public_geometry` for a point, the cell from the true point transformed by
    GDAL, a point on the surface in ETRS-TM35FIN for a route or area."""
    rows = Contribution.objects.annotate(
        rule=public_geometry("geometry", "exact_location_public")
    ).values_list("pk", "geometry", "public_point", "privacy_cell_x", "privacy_cell_y", "rule")
    assert rows
    for pk, geometry, stored, cell_x, cell_y, rule in rows:
        if geometry.geom_type == "Point":
            expected = rule
            true = transformed(geometry, 3067)
            assert (cell_x, cell_y) == (
                int(true.x // PRIVACY_GRID_METRES),
                int(true.y // PRIVACY_GRID_METRES),
            ), pk
        else:
            expected = transformed(transformed(geometry, 3067).point_on_surface, 4326)
            assert (cell_x, cell_y) == (None, None), pk
        assert stored.geom_type == "Point", pk
        assert abs(stored.x - expected.x) < TOLERANCE_DEGREES, pk
        assert abs(stored.y - expected.y) < TOLERANCE_DEGREES, pk


def assert_summary_is_recounted_from_scratch() -> None:
    """ContributionCell against the published points grouped again in Python."""
    groups = defaultdict(list)
    for row in contributions_public().filter(privacy_cell_x__isnull=False):
        key = (row.campaign_id, row.privacy_cell_x, row.privacy_cell_y)
        groups[(*key, row.kind, row.status, row.theme_id)].append(row)
    stored = {
        (c.campaign_id, c.cell_x, c.cell_y, c.kind, c.status, c.theme_id): c
        for c in ContributionCell.objects.all()
    }
    assert set(stored) == set(groups)
    for key, rows in groups.items():
        cell = stored[key]
        assert cell.count == len(rows), key
        assert cell.ids == sorted((r.pk for r in rows), reverse=True)[:IDS], key
        centre = Point(
            (key[1] + 0.5) * PRIVACY_GRID_METRES, (key[2] + 0.5) * PRIVACY_GRID_METRES, srid=3067
        )
        centre = transformed(centre, 3857)
        assert centre.distance(cell.centre) < 0.01, key
        if len(rows) == 1 and rows[0].exact_location_public:
            exact = transformed(rows[0].geometry, 3857)
            assert exact.distance(cell.lone_exact) < 0.01, key
        else:
            assert cell.lone_exact is None, key


def assert_all_true() -> None:
    assert_stored_public_locations_are_the_rule()
    assert_summary_is_recounted_from_scratch()


def test_create_stores_the_public_point_cell_and_summary(theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 8, CELL_N + 12))
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        geometry=at(CELL_E + 30, CELL_N + 70),
        exact_location_public=True,
    )
    ContributionFactory(campaign=theme.campaign, theme=theme, route=True)
    ContributionFactory(campaign=theme.campaign, theme=theme, polygon=True)
    ContributionFactory(campaign=theme.campaign, theme=theme, pending=True)
    assert_all_true()
    assert ContributionCell.objects.get().count == 2


def test_a_service_submission_is_counted_and_an_edit_moves_it(theme, resident_participant):
    campaign = theme.campaign
    contribution = services.contribution_submit(
        campaign=campaign,
        participant=resident_participant,
        kind="idea",
        theme=theme,
        title="A bench",
        body="By the pond.",
        geometry=at(CELL_E + 20, CELL_N + 20),
    )
    contribution.moderation_state = Contribution.ModerationState.PUBLISHED
    contribution.save()
    assert_all_true()
    services.contribution_update(
        contribution=contribution,
        participant=resident_participant,
        kind="need",
        theme=theme,
        title="A bench",
        body="By the pond.",
        geometry=at(CELL_E + 420, CELL_N - 260),
        exact_location_public=False,
    )
    assert_all_true()
    (cell,) = ContributionCell.objects.all()
    assert (cell.kind, cell.ids) == ("need", [contribution.pk])
    services.contribution_update(
        contribution=contribution,
        participant=resident_participant,
        kind="need",
        theme=theme,
        title="A bench",
        body="By the pond.",
        geometry=at(CELL_E + 420, CELL_N - 260),
        exact_location_public=True,
    )
    assert_all_true()
    assert ContributionCell.objects.get().lone_exact is not None


def test_the_privacy_choice_moves_the_public_point_between_cell_centre_and_exact(theme):
    exact = at(CELL_E + 8, CELL_N + 12)
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, geometry=exact)
    contribution.refresh_from_db()
    assert contribution.public_point.distance(exact) > 0.0003
    contribution.exact_location_public = True
    contribution.save(update_fields=["exact_location_public"])
    contribution.refresh_from_db()
    assert contribution.public_point.distance(exact) < TOLERANCE_DEGREES
    assert_all_true()


def test_moderation_hiding_restoring_and_a_duplicate_recount_the_cell(theme, moderator):
    one, two = (
        ContributionFactory(
            campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 5, CELL_N + 5)
        )
        for _ in range(2)
    )
    moderation.contribution_moderate(
        actor=moderator, contribution=one, action="hide", reason="spam"
    )
    assert_all_true()
    assert ContributionCell.objects.get().ids == [two.pk]
    moderation.contribution_moderate(actor=moderator, contribution=one, action="restore")
    assert_all_true()
    moderation.contribution_mark_duplicate(actor=moderator, contribution=two, original=one)
    assert_all_true()


def test_bulk_updates_and_deletes_recount_every_cell_they_touch(theme):
    other = ThemeFactory(campaign=theme.campaign)
    rng = random.Random(5)
    for n in range(90):  # more cells than MANY_CELLS: the campaign-wide lock
        ContributionFactory(
            campaign=theme.campaign,
            theme=theme if n % 3 else other,
            kind="idea" if n % 2 else "need",
            geometry=at(CELL_E + rng.uniform(-2000, 2000), CELL_N + rng.uniform(-1500, 1500)),
            exact_location_public=n % 7 == 0,
        )
    assert_all_true()
    Contribution.objects.filter(theme=other).update(status=Contribution.Status.PLANNED)
    assert_all_true()
    Contribution.objects.filter(kind="need").update(
        moderation_state=Contribution.ModerationState.HIDDEN
    )
    assert_all_true()
    Contribution.objects.filter(pk__in=Contribution.objects.values("pk")[:40]).update(
        geometry=at(CELL_E + 50, CELL_N + 50), exact_location_public=True
    )
    assert_all_true()
    Contribution.objects.filter(theme=theme).delete()
    assert_all_true()
    Contribution.objects.all().delete()
    assert not ContributionCell.objects.exists()


def test_a_text_edit_recounts_nothing(theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    before = ContributionCell.objects.get().pk
    Contribution.objects.filter(pk=contribution.pk).update(title="Another title")
    assert ContributionCell.objects.get().pk == before


def test_the_public_point_cannot_be_written_by_hand(contribution):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE engagement_contribution SET public_point = geometry WHERE id = %s",
            [contribution.pk],
        )


# Each filter is checked on the same rows: building them (65 contributions) is what costs.
TILE_FILTERS = [{}, {"kind": "idea"}, {"status": "planned"}, {"theme": "second"}, {"kind": "need"}]


@pytest.mark.parametrize("z", [11, 13, 14, 15, 17])
def test_a_tile_from_the_summary_is_the_tile_from_the_rows(client, theme, monkeypatch, z):
    second = ThemeFactory(campaign=theme.campaign, slug="second")
    rng = random.Random(z)
    for n in range(60):
        ContributionFactory(
            campaign=theme.campaign,
            theme=second if n % 3 == 0 else theme,
            kind="need" if n % 4 == 0 else "idea",
            status="planned" if n % 5 == 0 else "new",
            geometry=at(CELL_E + rng.uniform(-400, 400), CELL_N + rng.uniform(-400, 400)),
            exact_location_public=n % 6 == 0,
        )
    for n, (kind, status) in enumerate([("need", "new"), ("idea", "planned"), ("need", "planned")]):
        ContributionFactory(  # one in the tile of each filter
            campaign=theme.campaign,
            theme=second,
            kind=kind,
            status=status,
            geometry=at(CELL_E + 10 + 20 * n, CELL_N + 40),
        )
    ContributionFactory(campaign=theme.campaign, theme=theme, hidden=True)
    route = LineString(at(CELL_E - 200, CELL_N), at(CELL_E + 200, CELL_N + 100), srid=4326)
    ContributionFactory(campaign=theme.campaign, theme=theme, geometry=route)

    def tile(answers: bool, params: dict) -> list:
        tiles.tile_cache.clear()
        monkeypatch.setattr(tiles, "summary_answers", lambda filters: answers)
        found = features(client, theme.campaign, z, **params)
        return sorted(
            (sorted(f["properties"].items()), [tuple(round(c, 7) for c in p) for p in f["lonlat"]])
            for f in found
        )

    for params in TILE_FILTERS:
        from_summary = tile(True, params)
        assert from_summary, params
        assert from_summary == tile(False, params), params


def test_a_cell_keeps_as_many_newest_ids_as_a_tile_shows(theme):
    for _ in range(IDS + 3):
        ContributionFactory(
            campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 9, CELL_N + 9)
        )
    assert len(ContributionCell.objects.get().ids) == IDS
    assert_summary_is_recounted_from_scratch()


def test_filters_the_summary_cannot_answer_read_the_rows(client, theme):
    """ids, area and text search go to the rows (with the stored point), and still choose."""
    one = ContributionFactory(campaign=theme.campaign, theme=theme, title="Skate ramp")
    two = ContributionFactory(campaign=theme.campaign, theme=theme, geometry=one.geometry)
    campaign, centre = theme.campaign, one.geometry
    assert {f["properties"]["count"] for f in features(client, campaign, 16, centre)} == {2}
    found = features(client, campaign, 16, centre, ids=f"{two.pk}")
    assert [f["ids"] for f in found] == [[two.pk]]
    found = features(client, campaign, 12, centre, q="skate")
    assert [f["ids"] for f in found] == [[one.pk]]
    found = features(client, campaign, 12, centre, area=campaign.area.slug)
    assert sorted(i for f in found for i in f["ids"]) == sorted([one.pk, two.pk])
