"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.demo_snapshot import demo_fresh

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these flags Chromium keeps trying to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM
# calls made by the test itself.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# Tells the test of every Content-Security-Policy violation on any page of the context: a
# blocked inline script or style, or a source the policy does not list (docs/decisions/0012).
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
      `${event.sourceFile}:${event.lineNumber} ${event.sample}`,
  );
});"""


def watch_csp(context: BrowserContext) -> list[str]:
    """The list that collects the context's CSP violations as they happen."""
    violations: list[str] = []
    context.expose_function("__cspViolation", lambda text: violations.append(text))
    context.add_init_script(CSP_LISTENER)
    return violations


@contextmanager
def watched_page(browser: Browser, *, width: int = 1280, height: int = 900) -> Iterator[Page]:
    """A Finnish page in a context of its own; closed at the end, failing on a script error or
    a Content-Security-Policy violation seen meanwhile."""
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": height})
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with watched_page(browser) as page:
        yield page


@pytest.fixture
def demo(transactional_db):
    """The Tesoma demo, loaded into the database the live server reads: as `load_demo` leaves
    an empty database, restored from a copy taken after the process's first load
    (tests/demo_snapshot.py, decision 0036)."""
    demo_fresh()
