"""Exports beyond EXPORT_QUEUE_ROWS go to the queue: the same rows and rights as the stream, a
page while the file is written, the file for the requester only, and deleted after a day. The
real worker making one is in tests/test_queue_worker.py; here the task runs in the process."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from engagement.interop.exports.jobs import export_jobs_prune
from engagement.models import ExportJob
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(settings, theme):
    settings.EXPORT_QUEUE_ROWS = 2
    return ContributionFactory.create_batch(3, campaign=theme.campaign, theme=theme)


def ask(client, fmt, theme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker's turn, after the commit
        asked = client.get(f"/sv/exports/contributions.{fmt}?campaign={theme.campaign.slug}")
    assert asked.status_code == 302
    return client.get(asked["Location"]), asked["Location"]


def test_a_large_csv_is_the_streamed_one_in_the_requesters_language(
    many, theme, client, resident_client, django_capture_on_commit_callbacks
):
    streamed = client.get(f"/sv/exports/contributions.csv?campaign={theme.campaign.slug}")
    expected = b"".join(streamed.streaming_content).decode()
    got, _url = ask(resident_client, "csv", theme, django_capture_on_commit_callbacks)
    assert got.status_code == 200
    assert got["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(got.streaming_content).decode()
    assert text == expected  # the same rows, links in Swedish (/sv/), public locations
    assert len(list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))) == 1 + 3
    assert "/sv/contributions/" in text


def test_a_large_geojson_export_has_every_feature(
    many, theme, resident_client, django_capture_on_commit_callbacks
):
    got, _url = ask(resident_client, "geojson", theme, django_capture_on_commit_callbacks)
    collection = json.loads(b"".join(got.streaming_content))
    assert len(collection["features"]) == 3


def test_an_anonymous_browser_with_a_participant_gets_its_own_job(
    many, theme, client, django_capture_on_commit_callbacks
):
    client.post(f"/contributions/{many[0].pk}/support/")  # now the browser is a participant
    assert client.cookies.get("yhdessa_participant")
    got, url = ask(client, "csv", theme, django_capture_on_commit_callbacks)
    assert got.status_code == 200
    client.cookies.clear()
    assert client.get(url).status_code == 404


def test_a_failed_export_says_so_and_old_ones_are_deleted(resident, resident_client):
    failed = ExportJob.objects.create(
        user=resident, format="csv", language="fi", url_prefix="", status="failed"
    )
    page = resident_client.get(f"/en/exports/jobs/{failed.pk}/")
    assert page.status_code == 200
    assert "could not be prepared" in page.content.decode()

    name = default_storage.save("exports/old.csv", ContentFile(b"id\n"))
    old = ExportJob.objects.create(
        user=resident, format="csv", language="fi", url_prefix="", status="ready", file=name
    )
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert export_jobs_prune.call() == 1
    assert not default_storage.exists(name)
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [failed.pk]
    assert resident_client.get(f"/en/exports/jobs/{old.pk}/").status_code == 404
