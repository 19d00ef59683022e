"""Every status code the API answers is in its schema: the test reads `/api/v1/schema/`, and for
each operation sends the real endpoint its main error cases with the real test client (a bad
parameter, a body that is not JSON, a body of another media type, a body too large, no rights, an
unknown API key, an unknown id, an Accept it cannot answer, the anonymous rate limit) and asserts
that each status observed is documented for that operation, with a body matching the documented
error component (engagement/common/schema.py). A method the path does not have answers 405 with
an Error body; OpenAPI has no operation to document it under, so the schema's description says it
(decision 0045)."""

import json
import re

import jsonschema
import pytest
from django.test import Client

from tests.engagement.participation.test_api_contributions import valid_payload
from tests.factories import ApiKeyFactory, PilotFactory

UNKNOWN = {"id": "987654321", "slug": "no-such-campaign"}


def _schema() -> dict:
    response = Client().get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def _path(template: str, real: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(real.get(m.group(1), UNKNOWN[m.group(1)])), template)


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref", "")
    if ref:
        return _resolve(schema, schema["components"]["schemas"][ref.rsplit("/", 1)[-1]])
    return node


def _cases(method: str, path: str, operation: dict, key: str, big: int):
    """(what, headers and body of the request) for the operation's main error cases."""
    write = method != "get"
    yield "bad parameter", {"QUERY_STRING": "limit=many&bbox=a,b&offset=-1&q=%00"}
    yield "unknown API key", {"HTTP_AUTHORIZATION": "Api-Key not-a-key"}
    yield "not acceptable", {"HTTP_ACCEPT": "image/png"}
    if "{" in path:
        yield "unknown id", {"unknown": True}
    if write:
        yield "anonymous write", {"data": "{}", "content_type": "application/json"}
        yield "not JSON", {"data": '{"title": ', "content_type": "application/json", "key": key}
        yield "too large", {"data": "x" * big, "content_type": "application/json", "key": key}
    if "requestBody" in operation:
        yield "other media type", {"data": "a=b", "content_type": "text/plain", "key": key}


@pytest.fixture
def real(contribution, organisation, campaign):
    pilot = PilotFactory(organisation=organisation, campaign=campaign, running=True)
    return {"id": contribution.pk, "slug": campaign.slug, "pilot": pilot.pk}


@pytest.mark.django_db
def test_every_status_the_api_answers_is_documented_for_its_operation(real, settings):
    schema = _schema()
    key = ApiKeyFactory().secret
    big = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    undocumented: list[str] = []
    seen: set[str] = set()
    for template, operations in schema["paths"].items():
        ids = dict(real, id=real["pilot"]) if template.startswith("/api/v1/pilots/") else real
        for method, operation in operations.items():
            documented = operation["responses"]
            for what, case in _cases(method, template, operation, key, big):
                client = Client()
                options = dict(case)
                path = _path(template, {} if options.pop("unknown", False) else ids)
                if options.pop("key", None):
                    options["HTTP_AUTHORIZATION"] = f"Api-Key {key}"
                data = options.pop("data", None)
                content_type = options.pop("content_type", "application/json")
                if method == "get":
                    response = client.get(path, **options)
                else:
                    response = getattr(client, method)(
                        path, data=data or "", content_type=content_type, **options
                    )
                code = str(response.status_code)
                seen.add(code)
                where = f"{method.upper()} {template} ({what}): {code}"
                if code not in documented:
                    undocumented.append(where)
                    continue
                if code.startswith("4") and response.get("Content-Type", "").endswith("json"):
                    body_schema = next(iter(documented[code]["content"].values()))["schema"]
                    try:
                        jsonschema.validate(
                            json.loads(response.content), _resolve(schema, body_schema)
                        )
                    except jsonschema.ValidationError as error:
                        undocumented.append(f"{where}: body {error.message}")
    assert undocumented == [], "\n".join(undocumented)
    # The cases reached the errors they were written for.
    assert {"400", "403", "404", "406", "413", "415"} <= seen, seen


@pytest.mark.django_db
def test_the_anonymous_rate_limit_answers_a_documented_429(campaign, theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "contribution": (0, 3600)}
    operation = _schema()["paths"]["/api/v1/contributions/"]["post"]
    body = valid_payload(campaign, theme)
    response = Client().post("/api/v1/contributions/", body, content_type="application/json")
    assert response.status_code == 429, response.content
    assert "429" in operation["responses"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert response.has_header("Retry-After")


@pytest.mark.django_db
def test_a_method_the_path_lacks_answers_405_as_the_schema_says(contribution, moderator):
    """Asked by the campaign's moderator, who passes every permission check before the method's."""
    schema = _schema()
    client = Client()
    client.force_login(moderator)
    assert "405" in schema["info"]["description"]
    for template, operations in schema["paths"].items():
        method = next(m for m in ("patch", "put", "delete", "post") if m not in operations)
        response = getattr(client, method)(
            _path(template, {"id": contribution.pk, "slug": contribution.campaign.slug}),
            content_type="application/json",
        )
        assert response.status_code == 405, (method, template, response.status_code)
        assert response.has_header("Allow")
        jsonschema.validate(json.loads(response.content), schema["components"]["schemas"]["Error"])
