"""The OpenID Connect stand-in (platform/oidc-standin/server.mjs, panva's oidc-provider) as a
real server for the staff sign-in tests: started once per session with `node` on a free port,
ready when its discovery document answers (fixtures in tests/browser/test_staff_sign_in.py)."""

import copy
import json
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "platform" / "oidc-standin" / "server.mjs"
CLIENT_ID, CLIENT_SECRET = "yhdessa", "standin-secret"
PASSWORD = "standin-password"
PROVIDER_NAME = "Tampereen kaupunki"
MODERATORS, ANALYSTS = "yhdessa-moderaattorit-tesoma", "yhdessa-analyytikot"
ROLE_MAP = {
    MODERATORS: {
        "kind": "moderator",
        "area": "tesoma",
        "title": "Aluekoordinaattori",
        "unit": "Tampereen kaupunki",
    },
    ANALYSTS: {"kind": "analyst", "campaign": "tesoma-together"},
}
# The test identity provider's people: officials with groups, a resident without any, and one
# whose address the provider has not verified.
ACCOUNTS = {
    "virkailija": {
        "email": "veera.virkailija@tampere.example",
        "email_verified": True,
        "name": "Veera Virkailija",
        "groups": [MODERATORS, ANALYSTS],
    },
    "asukas": {
        "email": "asukas@tampere.example",
        "email_verified": True,
        "name": "Aino Asukas",
        "groups": ["kaikki-tyontekijat"],
    },
    "vahvistamaton": {
        "email": "resident@example.org",
        "email_verified": False,
        "name": "Unverified Address",
        "groups": [MODERATORS],
    },
    "vahvistettu": {
        "email": "official.with.password@example.org",
        "email_verified": True,
        "name": "Verified Address",
        "groups": [ANALYSTS],
    },
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OidcStandin:
    """The node process; `issuer` is its address, `set_account` changes what it says of one."""

    def __init__(self, redirect_uris: list[str]) -> None:
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.redirect_uris = redirect_uris
        self.folder = Path(tempfile.mkdtemp(prefix="yhdessa-oidc-"))
        self.log = self.folder / "standin.log"
        self.process: subprocess.Popen | None = None
        self.accounts = copy.deepcopy(ACCOUNTS)

    def start(self, timeout: float = 15) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is needed for the OpenID Connect stand-in")
        accounts = self.folder / "accounts.json"
        accounts.write_text(
            json.dumps({name: {**data, "password": PASSWORD} for name, data in ACCOUNTS.items()})
        )
        command = [node, str(SERVER), "--port", str(self.port), "--accounts", str(accounts)]
        command += ["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET]
        for uri in self.redirect_uris:
            command += ["--redirect-uri", uri]
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=out)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the OpenID stand-in exited:\n{self.log.read_text()}")
            try:
                discovery = httpx.get(f"{self.issuer}/.well-known/openid-configuration", timeout=1)
                if discovery.status_code == 200 and discovery.json()["issuer"] == self.issuer:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the OpenID stand-in did not start:\n{self.log.read_text()}")

    def set_account(self, login: str, **changes) -> None:
        """What the provider says of `login` from now on (e.g. groups=[] after a transfer)."""
        self.accounts[login] = {**self.accounts[login], **changes}
        response = httpx.put(
            f"{self.issuer}/_standin/accounts/{login}",
            json={**self.accounts[login], "password": PASSWORD},
            timeout=5,
        )
        response.raise_for_status()

    def reset(self) -> None:
        """Every account as ACCOUNTS says, whatever an earlier test changed."""
        for login, data in ACCOUNTS.items():
            if self.accounts[login] != data:
                self.set_account(login, **data)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def oidc_settings(settings, standin: OidcStandin) -> None:
    """The site's settings pointed at the stand-in, as a city's OIDC_* environment would."""
    from config.settings.oidc import role_map_read, socialaccount_providers

    settings.OIDC_SERVER_URL = standin.issuer
    settings.OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.OIDC_ROLES_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = role_map_read(json.dumps(ROLE_MAP))
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(
        server_url=standin.issuer,
        client_id=CLIENT_ID,
        secret=CLIENT_SECRET,
        name=PROVIDER_NAME,
        scopes=["openid", "profile", "email", "groups"],
    )
    # The policy a city's OIDC_SERVER_URL gives: the staff button's form may lead to the provider.
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    form_action = [*directives["form-action"], standin.issuer]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**directives, "form-action": form_action}}
