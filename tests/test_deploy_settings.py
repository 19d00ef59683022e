"""Production settings as a deployer meets them, each in a fresh process (settings are read once):
`check --deploy` passes with a realistic environment; the site refuses to start with a published
or missing key, DEBUG, no SITE_URL or no mail; HSTS and the https redirect are really sent; mail
and proxies come from the environment. Also the per-installation key of `make run`."""

import json
import os
import secrets
import socket
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller

from config.settings.environment import DEVELOPMENT_KEYS, secret_key_file

ROOT = Path(__file__).resolve().parent.parent
HOST = "yhdessa.example.fi"
SITE = f"https://{HOST}"


def production_env(**overrides: str | None) -> dict[str, str]:
    """What a deployer sets (`None` removes a variable); nothing leaks in from this process."""
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": SITE,
        "ALLOWED_HOSTS": HOST,
        "EMAIL_URL": "smtp+tls://yhdessa:secret@mail.example.fi:587",
    }
    if "DATABASE_URL" in os.environ:
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def settings_of(env: dict[str, str], *names: str) -> dict:
    """The named settings as the process with `env` sees them: as Django reads the settings
    module, without `django.setup()` (a second and a half of app loading that changes none of
    them; no app's ready() writes a setting)."""
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = run(env, "-c", script)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# check --deploy and the refusals ------------------------------------------------------------


def test_check_deploy_passes_at_warning_level_for_production_settings():
    result = run(production_env(), "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "dev-only-insecure-key-change-me"}, "development key"),
        ({"SECRET_KEY": "django-insecure-" + "x1y2z3" * 10}, "development key"),
        ({"SECRET_KEY": "short-but-random-Zq81"}, "too short or too simple"),
        ({"SECRET_KEY": "ab" * 40}, "too short or too simple"),
        ({"DEBUG": "true"}, "DEBUG is on"),
        ({"SITE_URL": None}, "SITE_URL must be the public address"),
        ({"SITE_URL": "yhdessa.example.fi"}, "SITE_URL must be the public address"),
        ({"SITE_URL": "http://yhdessa.example.fi"}, "plain http while the site redirects"),
        ({"EMAIL_URL": None}, "no e-mail delivery is configured"),
    ],
)
def test_production_refuses_to_start_on_an_unsafe_setting(overrides, message):
    result = run(production_env(**overrides), "manage.py", "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: Production settings refuse to start" in result.stderr
    assert message in result.stderr


def test_every_published_development_key_is_refused():
    started = {
        key: subprocess.Popen(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=production_env(SECRET_KEY=key),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key in DEVELOPMENT_KEYS
    }  # each in a process of its own, at the same time
    for key, process in started.items():
        _, errors = process.communicate(timeout=60)
        assert process.returncode != 0, key
        assert "SECRET_KEY" in errors, key


def test_a_negative_num_proxies_is_refused_at_start():
    result = run(production_env(NUM_PROXIES="-1"), "manage.py", "check")
    assert result.returncode != 0
    assert "NUM_PROXIES must be 0 or more" in result.stderr


# What production sends --------------------------------------------------------------------------

PROBE = """
import json, django
django.setup()
from django.test import Client, override_settings
# The one change to production's settings: static files from the source, without collectstatic.
override_settings(
    STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()
client = Client(HTTP_HOST=%(host)r)
out = {}
page = client.get("/en/pilots/")
out["http page"] = [page.status_code, page.get("Location")]
out["http healthz"] = client.get("/healthz").status_code
secure = client.get("/healthz", secure=True)
out["https healthz"] = [secure.status_code, secure.get("Strict-Transport-Security")]
proxied = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
out["proxied healthz"] = proxied.get("Strict-Transport-Security")
proxied_page = client.get("/en/pilots/", HTTP_X_FORWARDED_PROTO="https")
out["proxied page"] = proxied_page.status_code
login = client.get("/en/accounts/login/", secure=True)
out["login"] = [login.status_code, login.get("X-Frame-Options"), login.get("Referrer-Policy")]
out["csrf cookie secure"] = bool(login.cookies["csrftoken"]["secure"])
print(json.dumps(out))
"""


def migrated_database_url() -> str:
    """The test database (migrated), for a process that renders pages."""
    from django.db import connection

    db = connection.settings_dict
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    socket_dir = db["OPTIONS"].get("host") or db["HOST"]
    if not socket_dir or socket_dir.startswith("/"):
        host = f"?host={socket_dir}" if socket_dir else ""
        return f"postgis://{credentials}@/{db['NAME']}{host}"
    return f"postgis://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def probe(db):
    """Each environment's PROBE in a process of its own, the processes at the same time."""

    def run_probes(*variants: dict[str, str]) -> list[dict]:
        started = [
            subprocess.Popen(
                [sys.executable, "-c", PROBE % {"host": HOST}],
                cwd=ROOT,
                env=production_env(DATABASE_URL=migrated_database_url(), **overrides),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for overrides in variants
        ]
        seen = []
        for process in started:
            out, errors = process.communicate(timeout=120)
            assert process.returncode == 0, errors
            seen.append(json.loads(out.strip().splitlines()[-1]))
        return seen

    return run_probes


def test_production_redirects_to_https_sends_hsts_and_trusts_only_a_configured_proxy(probe):
    seen, behind_proxy = probe(
        {"NUM_PROXIES": "0"},
        {"NUM_PROXIES": "1", "SECURE_HSTS_SECONDS": "600", "SECURE_HSTS_PRELOAD": "false"},
    )
    assert seen["http page"] == [301, f"{SITE}/en/pilots/"]
    assert seen["http healthz"] == 200  # the container's probe speaks plain http
    assert seen["https healthz"] == [200, "max-age=31536000; includeSubDomains; preload"]
    # Without a trusted proxy, a client's own X-Forwarded-Proto proves nothing.
    assert seen["proxied healthz"] is None
    assert seen["proxied page"] == 301
    assert seen["login"] == [200, "DENY", "same-origin"]
    assert seen["csrf cookie secure"] is True

    # Behind a trusted proxy, its forwarded proto says https.
    assert behind_proxy["proxied healthz"] == "max-age=600; includeSubDomains"
    assert behind_proxy["proxied page"] == 200


def test_production_derives_hosts_origins_and_sender_from_site_url():
    values = settings_of(
        production_env(ALLOWED_HOSTS="", CSRF_TRUSTED_ORIGINS=None, DEFAULT_FROM_EMAIL=""),
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "DEFAULT_FROM_EMAIL",
        "SERVER_EMAIL",
        "SECURE_PROXY_SSL_HEADER",
        "ACCOUNT_DEFAULT_HTTP_PROTOCOL",
        "SESSION_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "DEMO_PUBLIC_PASSWORDS",
    )
    assert values == {
        "ALLOWED_HOSTS": [HOST],
        "CSRF_TRUSTED_ORIGINS": [SITE],
        "DEFAULT_FROM_EMAIL": f"noreply@{HOST}",
        "SERVER_EMAIL": f"noreply@{HOST}",
        "SECURE_PROXY_SSL_HEADER": None,
        "ACCOUNT_DEFAULT_HTTP_PROTOCOL": "https",
        "SESSION_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "DEMO_PUBLIC_PASSWORDS": False,
    }


# Mail from the environment ----------------------------------------------------------------------

MAIL_SETTINGS = (
    "EMAIL_DELIVERY_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
)
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def local_env(**overrides: str) -> dict[str, str]:
    env = production_env(DJANGO_SETTINGS_MODULE="config.settings.local", EMAIL_URL=None)
    return {**env, **overrides}


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, ["django.core.mail.backends.console.EmailBackend", "localhost", 25, "", "", 0, 0]),
        (
            {"EMAIL_URL": "smtp+tls://city%40example.fi:p%2Fw@mail.example.fi:587"},
            [SMTP, "mail.example.fi", 587, "city@example.fi", "p/w", 1, 0],
        ),
        (
            {"EMAIL_URL": "smtp+ssl://u:p@mail.example.fi:465"},
            [SMTP, "mail.example.fi", 465, "u", "p", 0, 1],
        ),
        (
            {"EMAIL_HOST": "relay.example.fi", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "true"},
            [SMTP, "relay.example.fi", 2525, "", "", 1, 0],
        ),
        (
            {"EMAIL_URL": "", "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.dummy.Email"},
            ["django.core.mail.backends.dummy.Email", "localhost", 25, "", "", 0, 0],
        ),
    ],
)
def test_mail_delivery_comes_from_email_url_or_the_separate_variables(variables, expected):
    values = settings_of(local_env(**variables), *MAIL_SETTINGS)
    assert [values[name] for name in MAIL_SETTINGS] == expected


def test_admins_and_sender_come_from_the_environment():
    env = local_env(
        ADMINS="Ylläpito <yllapito@example.fi>, paivystys@example.fi",
        DEFAULT_FROM_EMAIL="Yhdessä <yhdessa@example.fi>",
    )
    values = settings_of(env, "ADMINS", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL")
    assert values == {
        "ADMINS": [["Ylläpito", "yllapito@example.fi"], ["paivystys@example.fi"] * 2],
        "DEFAULT_FROM_EMAIL": "Yhdessä <yhdessa@example.fi>",
        "SERVER_EMAIL": "Yhdessä <yhdessa@example.fi>",
    }


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"ADMINS": "not an address"}, "Not an e-mail address list"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "not both"),
    ],
)
def test_a_broken_mail_setting_is_refused_at_start(variables, message):
    result = run(local_env(**variables), "manage.py", "check")
    assert result.returncode != 0
    assert message in result.stderr


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def test_email_url_delivers_to_a_real_smtp_server():
    inbox = _Inbox()
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        port = probe_socket.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = local_env(
            EMAIL_URL=f"smtp://127.0.0.1:{port}", DEFAULT_FROM_EMAIL="yhdessa@example.fi"
        )
        script = (
            "from django.conf import settings; "
            "from django.core.mail import EmailMessage, get_connection; "
            "get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages("
            "[EmailMessage('Hei', 'Terve', None, ['aino@example.org'])])"
        )
        result = run(env, "-c", script)
    finally:
        controller.stop()
    assert result.returncode == 0, result.stderr
    ((sender, recipients, content),) = inbox.messages
    assert (sender, recipients) == ("yhdessa@example.fi", ["aino@example.org"])
    assert b"Subject: Hei" in content


# The secret key of an installation ------------------------------------------------------------


def test_the_base_settings_hold_no_key_of_their_own():
    env = production_env(DJANGO_SETTINGS_MODULE="config.settings.base", SECRET_KEY=None)
    script = "from django.conf import settings; settings.SECRET_KEY"
    result = run(env, "-c", script)
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_local_settings_sign_with_the_installations_own_key_file():
    env = production_env(DJANGO_SETTINGS_MODULE="config.settings.local", SECRET_KEY=None)
    values = settings_of(env, "SECRET_KEY")
    key_file = ROOT / ".local" / "secret_key"
    assert values["SECRET_KEY"] == key_file.read_text().strip()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert values["SECRET_KEY"] not in DEVELOPMENT_KEYS and len(values["SECRET_KEY"]) >= 50
    # An explicit SECRET_KEY wins over the file.
    assert settings_of({**env, "SECRET_KEY": "k" * 60}, "SECRET_KEY") == {"SECRET_KEY": "k" * 60}


def test_the_key_file_is_made_once_private_and_different_per_installation(tmp_path):
    first = secret_key_file(tmp_path / "one" / "secret_key")
    assert stat.S_IMODE((tmp_path / "one" / "secret_key").stat().st_mode) == 0o600
    assert secret_key_file(tmp_path / "one" / "secret_key") == first
    assert secret_key_file(tmp_path / "two" / "secret_key") != first
    assert len(first) >= 50


def test_the_key_file_and_the_compose_secrets_are_never_committed_nor_built_in():
    assert {".local/", ".env"} <= set((ROOT / ".gitignore").read_text().split())
    assert {".local", ".env"} <= set((ROOT / ".dockerignore").read_text().split())


def test_tests_sign_with_a_random_key_that_their_subprocesses_share(settings):
    assert settings.SECRET_KEY not in DEVELOPMENT_KEYS
    assert len(settings.SECRET_KEY) >= 50
    assert os.environ["SECRET_KEY"] == settings.SECRET_KEY


# The container's health probe -------------------------------------------------------------------


def test_the_container_health_probe_names_an_allowed_host(live_server):
    probe_script = str(ROOT / "platform" / "healthcheck.py")
    base = {"PATH": os.environ["PATH"]}
    allowed = run({**base, "ALLOWED_HOSTS": ".localhost,localhost"}, probe_script, live_server.url)
    assert allowed.returncode == 0, allowed.stderr
    # A host the site does not answer to is what the probe would send without its Host header.
    refused = run({**base, "ALLOWED_HOSTS": "elsewhere.example"}, probe_script, live_server.url)
    assert refused.returncode == 1
    from_site = run({**base, "SITE_URL": "https://localhost"}, probe_script, live_server.url)
    assert from_site.returncode == 0, from_site.stderr
