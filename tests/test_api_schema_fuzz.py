"""Property-based run of schemathesis over the whole API schema, against a live server.

Every operation of `/api/v1/schema/` gets bounded, reproducible examples (valid and invalid
input, derandomized) and each example is sent three times: anonymously as generated, with
an integration API key, and signed in as the campaign's moderator (session cookie and CSRF
token), both of these with the path naming a real object so the views get past their lookups.
Each answer must be no server error and must match the schema: a documented status, content
type, headers and body (the 4xx included: engagement/common/schema.py declares them).

The examples per operation are few (MAX_EXAMPLES, for the suite's ten minutes on two cores), but
every operation is covered: the test fails if any operation of the schema got no valid example
sent, and it prints how many examples each mode sent in all. Hypothesis's explicit and
generated phases run; its shrinking does not (a failure is reported as first found).
"""

import time

import pytest
import requests
import schemathesis
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import (
    ApiKeyFactory,
    CommentFactory,
    PhotoFactory,
    PilotFactory,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Bounded for a two-core machine: about half a minute for the whole schema (23 operations, each
# example sent three times); 15 took a minute (decision 0036).
MAX_EXAMPLES = 6
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
        # The coverage phase sends hundreds of boundary cases per operation; the sweep in
        # tests/test_no500_sweep.py covers boundary values at every address instead.
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    }
)


@pytest.fixture
def world(live_server, campaign, theme, contribution, moderator, organisation):
    """A public contribution with a comment and a photo, a running pilot, a key, an official."""
    comment = CommentFactory(contribution=contribution)
    photo = PhotoFactory(contribution=contribution)
    pilot = PilotFactory(organisation=organisation, campaign=campaign, running=True)
    pilot.contributions.add(contribution)
    return {
        "campaigns": campaign.slug,
        "contributions": contribution.pk,
        "comments": comment.pk,
        "photos": photo.pk,
        "pilots": pilot.pk,
        "api_key": ApiKeyFactory().secret,
        "session": _session_of(moderator),
        "origin": live_server.url,
        # Kept-alive connections, one per caller.
        "connections": [requests.Session() for _caller in range(3)],
    }


@pytest.fixture
def api_schema(live_server, world, settings):
    """The schema as the live server serves it, with rate limits out of the fuzzer's way (a
    429 is declared, but would answer before the input is read)."""
    settings.ANONYMOUS_RATE_LIMITS = {
        name: (10**6, window) for name, (_count, window) in settings.ANONYMOUS_RATE_LIMITS.items()
    }
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/", config=CONFIG)
    schema.config.update(base_url=live_server.url)
    return schema


def _real_path(case, world: dict) -> dict:
    """The case's path parameters naming the real object of its kind."""
    segments = case.operation.path.strip("/").split("/")
    kind = next((s for s in reversed(segments) if s in world), None)
    key = "slug" if kind == "campaigns" else "id"
    if kind is None or key not in (case.path_parameters or {}):
        return dict(case.path_parameters or {})
    return {**case.path_parameters, key: world[kind]}


def _session_of(user) -> dict:
    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def _check(case, world: dict) -> None:
    """One example, sent as generated anonymously, then to a real object with the API key and
    as the moderator."""
    anonymous, integration, official = world["connections"]
    generated = dict(case.path_parameters or {})
    case.call_and_validate(checks=CHECKS, session=anonymous)
    case.path_parameters = _real_path(case, world)
    key = {"Authorization": f"Api-Key {world['api_key']}"}
    case.call_and_validate(checks=CHECKS, session=integration, headers=key)
    token = "fuzzcsrftoken" * 2 + "abcdef"  # 32 characters, as Django's CSRF check wants
    cookies = {**world["session"], settings.CSRF_COOKIE_NAME: token}
    same_site = {"X-CSRFToken": token, "Origin": world["origin"], "Referer": world["origin"]}
    case.call_and_validate(checks=CHECKS, session=official, headers=same_site, cookies=cookies)
    case.path_parameters = generated


# schemathesis's own pytest decorator for a schema from a fixture (`from_fixture`) does not
# run under pytest 9, so each operation's examples are drawn here with Hypothesis.
@pytest.mark.django_db(transaction=True)
def test_the_api_answers_every_input_as_its_schema_says(api_schema, world):
    failures, operations = [], 0
    sent: dict[tuple[str, str], int] = {}
    started = time.monotonic()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            key = (operation.label, mode.value)
            sent[key] = 0

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(
                max_examples=MAX_EXAMPLES,
                derandomize=True,
                deadline=None,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def examples(case) -> None:
                sent[key] += 1  # noqa: B023 (called below, in this iteration)
                _check(case, world)

            try:
                examples()
            except Unsatisfiable:
                pass  # nothing invalid to send: an operation without parameters or body
            except (AssertionError, BaseExceptionGroup) as error:
                failures.append(f"{operation.label} ({mode.value}): {error}")
    totals = {
        m.value: sum(n for (_, mode), n in sent.items() if mode == m.value) for m in GenerationMode
    }
    print(
        f"\nschemathesis: {operations} operations in {time.monotonic() - started:.1f} s, "
        f"examples sent (each three times): {totals}"
    )
    assert operations > 0
    unsent = [label for (label, mode), n in sent.items() if mode == "positive" and not n]
    assert not unsent, f"operations without a valid example: {unsent}"
    assert not failures, "\n\n".join(failures)
