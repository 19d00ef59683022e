"""Another website cannot make its visitors' browsers write here: Chromium names the page's
origin on a cross-origin POST and the API refuses it (docs/decisions/0013), while this site's
own pages keep writing through the same API."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page

from engagement.models import Contribution, Support


def attack_page(target: str) -> str:
    """A page on another site that posts a support to the target, as a hidden script would."""
    return f"""<!doctype html><title>Win a prize</title><script>
      fetch({target!r}, {{method: "POST", mode: "no-cors", credentials: "include",
                         body: new FormData()}});
    </script>"""


@pytest.fixture
def other_site():
    """A web server of another origin on this machine, serving one page (Chromium blocks a
    public page's requests to a local address before sending them, which would prove nothing
    about this site; a page on the same machine is what gets through)."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # the name http.server calls
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()
    server.server_close()


def test_a_page_on_another_site_cannot_support_through_its_visitors(
    page: Page, live_server, demo, other_site
):
    contribution = Contribution.objects.filter(moderation_state="published").first()
    before = Support.objects.filter(contribution=contribution).count()
    target = f"{live_server.url}/api/v1/contributions/{contribution.pk}/support/"
    origin, pages = other_site
    pages["/prize"] = attack_page(target)
    with page.expect_response(lambda response: response.url == target) as answer:
        page.goto(f"{origin}/prize")
    assert answer.value.status == 403
    # Chromium sent it (the visitor's browser has no cookie here: without the check it would
    # count as a new anonymous supporter at the visitor's address).
    assert answer.value.request.all_headers()["referer"] == f"{origin}/"
    assert Support.objects.filter(contribution=contribution).count() == before


def test_this_sites_own_page_writes_through_the_api(page: Page, live_server, demo):
    contribution = Contribution.objects.filter(moderation_state="published").first()
    before = Support.objects.filter(contribution=contribution).count()
    page.goto(f"{live_server.url}/en/contributions/{contribution.pk}/")
    status = page.evaluate(
        'async (url) => (await fetch(url, {method: "POST", credentials: "same-origin"})).status',
        f"/api/v1/contributions/{contribution.pk}/support/",
    )
    assert status == 200
    assert Support.objects.filter(contribution=contribution).count() == before + 1
