"""The demo where it is dangerous: under production settings (DEMO_PUBLIC_PASSWORDS off) its
accounts get random passwords printed once, and the README's passwords sign nobody in."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from config.demo.read import demo_data_read

pytestmark = pytest.mark.django_db
ACCOUNTS = demo_data_read().accounts
PUBLISHED = {
    a.email: a.password
    for a in (*ACCOUNTS.officials, ACCOUNTS.organisation_member, ACCOUNTS.editor)
}


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def printed_passwords(output: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+\S+\s+(\S+@\S+) / (\S+)$", output, re.MULTILINE))


def signs_in(email: str, password: str) -> bool:
    """Through allauth's sign-in form, as a person would."""
    response = Client().post("/en/accounts/login/", {"login": email, "password": password})
    return response.status_code == 302


def test_in_production_the_demo_accounts_get_random_passwords_printed_once(settings):
    settings.DEMO_PUBLIC_PASSWORDS = False
    output = load_demo()
    printed = printed_passwords(output)
    assert set(printed) == set(PUBLISHED)
    assert "shown only now" in output
    for email, password in printed.items():
        assert password != PUBLISHED[email]
        assert password not in output.replace(password, "", 1)  # printed once
    moderator = ACCOUNTS.officials[0].email
    assert not signs_in(moderator, PUBLISHED[moderator])
    assert signs_in(moderator, printed[moderator])
    assert not any(signs_in(email, PUBLISHED[email]) for email in PUBLISHED if email != moderator)

    # A second run shows no password again and changes none.
    again = load_demo()
    assert printed_passwords(again) == {}
    assert again.count("(password unchanged)") == len(PUBLISHED)
    assert signs_in(moderator, printed[moderator])


def test_a_demo_loaded_in_development_loses_its_published_passwords_in_production(settings):
    settings.DEMO_PUBLIC_PASSWORDS = True
    development = printed_passwords(load_demo())
    assert development == PUBLISHED
    moderator = ACCOUNTS.officials[0].email
    assert signs_in(moderator, PUBLISHED[moderator])

    settings.DEMO_PUBLIC_PASSWORDS = False
    printed = printed_passwords(load_demo())
    assert set(printed) == set(PUBLISHED)
    assert not signs_in(moderator, PUBLISHED[moderator])
    assert signs_in(moderator, printed[moderator])
