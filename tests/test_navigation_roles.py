"""The site's navigation offers Moderation and Analysis by the roles a user holds, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.moderation import RoleFactory

pytestmark = pytest.mark.django_db


def _links(client, user) -> tuple[bool, bool, int]:
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("engagement:privacy")).content.decode()
    role_queries = [q for q in queries if "engagement_role" in q["sql"]]
    return (
        reverse("engagement:moderation-queue") in page,
        reverse("engagement:analysis") in page,
        len(role_queries),
    )


def test_a_resident_and_a_visitor_see_neither_link(client):
    assert _links(client, None) == (False, False, 0)
    assert _links(client, UserFactory()) == (False, False, 1)


def test_an_analyst_sees_analysis_only_and_a_moderator_both_from_one_query(client):
    analyst = RoleFactory(analyst=True).user
    assert _links(client, analyst) == (False, True, 1)
    moderator = RoleFactory(moderator=True).user
    assert _links(client, moderator) == (True, True, 1)


def test_an_administrator_sees_both_without_asking_for_roles(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert _links(client, admin) == (True, True, 0)
