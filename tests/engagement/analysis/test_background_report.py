"""Background questions (never required, groups of at least k everywhere, gone with the
participant) and the reports (XLSX, printable) behind the analyst permission (decision 0034)."""

import io
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from engagement.analysis.selectors import AnalysisFilters
from engagement.background.forms import BackgroundForm
from engagement.background.selectors import background_results
from engagement.background.services import background_answer_save
from engagement.models import BackgroundAnswer, BackgroundSurvey, Contribution
from engagement.models.background import DECLINED, Question
from engagement.participation.retention import retention_run
from engagement.participation.services import account_delete, participant_for_user
from tests.factories import ContributionFactory, ParticipantFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db

with translation.override("en"):  # the English pages, whatever the default language
    XLSX = reverse("engagement:analysis-report-xlsx")
    REPORT = reverse("engagement:analysis-report")
    ANALYSIS = reverse("engagement:analysis")


def _ask(campaign, questions=tuple(Question.values)):
    BackgroundSurvey.objects.create(campaign=campaign, questions=list(questions))


def _answers(campaign, spec):
    """spec: [(how many, age group, postal code, relations)]."""
    for count, age, postal, relations in spec:
        for _ in range(count):
            background_answer_save(
                campaign=campaign,
                participant=ParticipantFactory(),
                age_group=age,
                postal_code=postal,
                relations=relations,
            )


SPEC = [
    (6, "30-44", "33310", ["lives"]),
    (5, "45-64", "33310", ["lives", "works"]),
    (2, "18-29", "33400", ["studies"]),
    (1, DECLINED, DECLINED, [DECLINED]),
]


def _figures(result):
    return {row.key: row.count for row in result.rows}


def test_groups_under_k_are_combined_until_no_figure_counts_fewer_than_k(campaign):
    _ask(campaign)
    _answers(campaign, SPEC)
    age, postal, relation = background_results(filters=AnalysisFilters(campaign=campaign))
    # 18-29 (2) and "prefer not to say" (1) are 3 < 5: the smallest shown group joins them.
    assert age.answered == 14
    assert _figures(age) == {"30-44": 6, "combined": 8}
    # 33400 (2) + declined (1) are 3: 33310 joins them, or its 11 would give their 3 away.
    assert _figures(postal) == {"combined": 14}
    assert all(count is None or count >= 5 for r in (age, postal) for count in _figures(r).values())
    # Several answers: lives 11, works 5 shown; studies and declined (3 people) without a number.
    assert _figures(relation) == {"lives": 11, "works": 5, "combined": None}


def test_the_combination_never_shows_a_number_under_k(campaign):
    _ask(campaign, [Question.POSTAL_AREA])
    _answers(campaign, SPEC)
    (postal,) = background_results(filters=AnalysisFilters(campaign=campaign))
    assert _figures(postal) == {"combined": 14}


def test_k_is_a_setting_and_fewer_than_k_respondents_show_nothing(campaign, settings):
    _ask(campaign, [Question.AGE_GROUP])
    _answers(campaign, SPEC)
    settings.ANALYSIS_MIN_GROUP = 3
    (age,) = background_results(filters=AnalysisFilters(campaign=campaign))
    assert _figures(age) == {"30-44": 6, "45-64": 5, "combined": 3}
    settings.ANALYSIS_MIN_GROUP = 15
    (age,) = background_results(filters=AnalysisFilters(campaign=campaign))
    assert age.answered is None and age.rows == []


def test_every_surface_shows_the_same_suppressed_groups(campaign, theme, analyst_client):
    _ask(campaign)
    _answers(campaign, SPEC)
    page = analyst_client.get(ANALYSIS, {"campaign": campaign.slug})
    report = analyst_client.get(REPORT, {"campaign": campaign.slug})
    for response in (page, report):
        html = response.content.decode()
        assert "Who took part" in html
        assert "Smaller groups combined" in html
        assert "18 to 29" not in html  # a group of two is never named with its count
    book = load_workbook(io.BytesIO(analyst_client.get(XLSX, {"campaign": campaign.slug}).content))
    rows = list(book["Background"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in rows if r[0] == "Age group"] == [
        ("Age group", "30 to 44", 6),
        ("Age group", "Smaller groups combined", 8),
    ]
    assert all(r[2] is None or r[2] >= 5 for r in rows)


def test_the_questions_are_never_required(campaign, theme, visitor):
    _ask(campaign)
    form = BackgroundForm(questions=list(Question.values))
    assert form.fields and not any(field.required for field in form.fields.values())
    assert BackgroundForm({}, questions=list(Question.values)).is_valid()


def test_after_sending_the_step_asks_and_an_empty_answer_stores_nothing(campaign, theme):
    _ask(campaign)
    client = Client()
    response = client.post(
        campaign.get_absolute_url(),
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Penkki puistoon",
            "body": "Penkki Tesoman puistoon, lähelle leikkipaikkaa.",
            "lat": "61.5005",
            "lon": "23.6301",
        },
    )
    step = reverse("engagement:background-answer", kwargs={"slug": campaign.slug})
    assert response.status_code == 302 and response["Location"].startswith(step)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.content.decode().count(f'value="{DECLINED}"') == 2  # age, relation
    saved = client.post(step, {"next": "/"})
    assert saved.status_code == 302 and not BackgroundAnswer.objects.exists()
    assert client.post(step, {"postal_code": "3331"}).status_code == 400
    client.post(step, {"age_group": "30-44", "postal_code": "33310", "relations": ["lives"]})
    answer = BackgroundAnswer.objects.get()
    assert (answer.age_group, answer.postal_code, answer.relations) == ("30-44", "33310", ["lives"])
    # One set per participant: editing replaces it.
    client.post(step, {"age_group": DECLINED})
    assert BackgroundAnswer.objects.get().age_group == DECLINED
    assert BackgroundAnswer.objects.count() == 1


def test_the_step_is_only_for_contributors_of_the_campaign(campaign):
    _ask(campaign)
    step = reverse("engagement:background-answer", kwargs={"slug": campaign.slug})
    assert Client().get(step).status_code == 404


def test_answers_go_with_the_participant(campaign, theme, resident, visitor):
    _ask(campaign)
    participant = participant_for_user(user=resident)
    for who in (participant, visitor):
        background_answer_save(campaign=campaign, participant=who, age_group="30-44")
    account_delete(user=resident, remove_contributions=False)
    assert list(BackgroundAnswer.objects.values_list("participant", flat=True)) == [visitor.pk]
    # Retention takes the browser's token after RETENTION_DAYS, and the answers with it.
    ContributionFactory(campaign=campaign, theme=theme, participant=visitor)
    counts = retention_run(days=0, now=datetime(2100, 1, 1).astimezone())
    assert counts["background_answers_deleted"] == 1
    assert not BackgroundAnswer.objects.exists()


def test_contribution_exports_never_carry_the_answers(campaign, contribution, analyst_client):
    _ask(campaign)
    background_answer_save(
        campaign=campaign, participant=contribution.participant, postal_code="33310"
    )
    csv = analyst_client.get(reverse("contributions-csv"), {"campaign": campaign.slug})
    text = b"".join(csv.streaming_content).decode()
    assert csv.status_code == 200 and "Skate spot" in text and "33310" not in text


def test_the_workbook_has_the_pages_figures_as_real_cells(fixture_data, theme, analyst_client):
    campaign, made = fixture_data
    StatusChangeFactory(contribution=made["D"], status="planned", text="Tehdään keväällä.")
    response = analyst_client.get(XLSX, {"campaign": campaign.slug, "kind": "need"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Summary",
        "By theme",
        "By area",
        "By week",
        "Contributions",
        "Background",
    ]
    sheet = book["Contributions"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in rows) == ["Title B", "Title D"]  # published needs only
    d = next(r for r in rows if r[1] == "Title D")
    assert isinstance(d[8], datetime) and isinstance(d[9], int) and d[9] == 1
    assert d[11].startswith("Tehdään keväällä.")
    assert d[12].endswith(f"/contributions/{made['D'].pk}/")
    summary = dict(book["Summary"].iter_rows(min_row=2, max_col=2, values_only=True))
    assert summary["Contributions"] == 2 and summary["Kind"] == "Need"
    by_theme = list(book["By theme"].iter_rows(min_row=2, values_only=True))
    assert sum(r[1] for r in by_theme) == 2
    hidden = Contribution.objects.get(title="Title H")
    assert all(r[0] != hidden.pk for r in rows)


def test_the_workbook_speaks_the_readers_language(fixture_data, analyst_client):
    campaign, _ = fixture_data
    finnish = reverse("engagement:analysis-report-xlsx")  # the default language
    response = analyst_client.get(finnish, {"campaign": campaign.slug})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Yhteenveto"
    assert book["Yhteenveto"]["A1"].value == "Kohta"


@pytest.mark.parametrize("url", [XLSX, REPORT])
def test_residents_and_strangers_get_no_report(url, campaign, resident_client, other_moderator):
    assert resident_client.get(url, {"campaign": campaign.slug}).status_code == 403
    assert Client().get(url).status_code == 302  # to sign in
    stranger = Client()
    stranger.force_login(other_moderator)
    assert stranger.get(url, {"campaign": campaign.slug}).status_code == 400


def test_the_population_form_is_the_analysts(campaign, analyst_client, resident_client):
    _ask(campaign)
    url = reverse(
        "engagement:analysis-population",
        kwargs={"slug": campaign.slug, "question": Question.AGE_GROUP},
    )
    assert resident_client.get(url).status_code == 404
    assert analyst_client.get(url).status_code == 200
    bad = analyst_client.post(url, {"measure": "count", "source": "x", "year": "20x5"})
    assert bad.status_code == 400
    response = analyst_client.post(
        url,
        {"measure": "count", "source": "Tilastokeskus", "year": "2024", "group_30-44": "100"},
    )
    assert response.status_code == 302
    postal = reverse(
        "engagement:analysis-population",
        kwargs={"slug": campaign.slug, "question": Question.POSTAL_AREA},
    )
    bad_lines = {"measure": "count", "source": "x", "year": "2024", "groups": "3331 12\n33310"}
    assert analyst_client.post(postal, bad_lines).status_code == 400
    good = {"measure": "share", "source": "x", "year": "2024", "groups": "33310 60\n33300 40"}
    assert analyst_client.post(postal, good).status_code == 302


def test_residents_text_stays_text_in_the_workbook(campaign, theme, analyst_client):
    """A title that looks like a formula is stored as a string, and control characters a
    workbook cannot hold are dropped instead of failing the download."""
    ContributionFactory(campaign=campaign, theme=theme, title='=HYPERLINK("http://x","y")')
    ContributionFactory(campaign=campaign, theme=theme, title="Bell\x07 and tab\x0b here")
    response = analyst_client.get(XLSX, {"campaign": campaign.slug})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = [row[1] for row in book["Contributions"].iter_rows(min_row=2)]
    by_value = {cell.value: cell for cell in cells}
    assert by_value['=HYPERLINK("http://x","y")'].data_type == "s"
    assert "Bell and tab here" in by_value


def test_the_personal_data_download_carries_the_own_answers(campaign, resident, resident_client):
    _ask(campaign)
    participant = participant_for_user(user=resident)
    background_answer_save(campaign=campaign, participant=participant, postal_code="33310")
    background_answer_save(campaign=campaign, participant=ParticipantFactory(), age_group="75-")
    data = resident_client.get(reverse("engagement:my-data")).json()
    assert [
        (a["campaign"], a["postal_code"], a["age_group"]) for a in data["background_answers"]
    ] == [(campaign.slug, "33310", "")]


def test_no_two_views_differ_by_fewer_than_k_people(campaign, theme):
    """Only a theme or sub-area narrows the respondents, and a view that leaves out fewer than k
    shows nothing: otherwise two views could differ by one known author's answers."""
    from datetime import date, timedelta

    from tests.factories import ThemeFactory

    _ask(campaign, [Question.AGE_GROUP])
    other = ThemeFactory(campaign=campaign, slug="other")
    for index in range(7):
        participant = ParticipantFactory()
        ContributionFactory(
            campaign=campaign, theme=other if index == 6 else theme, participant=participant
        )
        background_answer_save(campaign=campaign, participant=participant, age_group="30-44")
    everyone = background_results(filters=AnalysisFilters(campaign=campaign))[0]
    assert everyone.answered == 7
    # The theme's view would be everyone but the seventh author: their answer, by difference.
    (narrowed,) = background_results(filters=AnalysisFilters(campaign=campaign, theme=theme))
    assert narrowed.answered is None and narrowed.rows == []
    # A period or a kind does not narrow this section at all.
    tomorrow = date.today() + timedelta(days=1)
    for filters in (
        AnalysisFilters(campaign=campaign, since=tomorrow),
        AnalysisFilters(campaign=campaign, kind="need"),
    ):
        assert background_results(filters=filters)[0].answered == 7


@pytest.mark.parametrize(
    ("prefix", "shown"), [("", "1.11.2026"), ("/sv", "2026-11-01"), ("/en", "1 Nov 2026")]
)
def test_the_reports_period_is_in_the_readers_date_format(
    prefix, shown, fixture_data, analyst_client
):
    campaign, _ = fixture_data
    path = prefix + reverse("engagement:analysis-report").removeprefix("/fi")
    response = analyst_client.get(
        path, {"campaign": campaign.slug, "since": "2026-11-01", "until": "2026-11-30"}
    )
    assert response.status_code == 200
    assert shown in response.content.decode()
    # ISO dates stay only in the links, never in what is read (Swedish writes them so itself).
    assert ">2026-11-01" not in response.content.decode() or prefix == "/sv"
