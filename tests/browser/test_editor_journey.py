"""An editor works one language at a time: the tabs by keyboard, a language's missing texts
counted on its tab as she types; then two revisions compared side by side and the older one
restored; each page axe-clean in fi, sv and en (decision 0039)."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from config.demo.read import demo_data_read
from tests.browser.conftest import watch_csp
from tests.browser.test_campaign_journey import serious_violations
from tests.browser.test_reflow import CUT_OFF
from toolkit.content.editor_forms import form_class
from toolkit.content.services import content_save
from toolkit.models import MethodCard, Revision

SLUG = "evaluation-by-measures"


def _editor_page(browser: Browser, live_server) -> tuple[Page, list[str], list[str]]:
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    client = Client()
    email = demo_data_read().accounts.editor.email
    client.force_login(get_user_model().objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors, violations


def _editor():
    return get_user_model().objects.get(email=demo_data_read().accounts.editor.email)


def _save(card: MethodCard, **changes) -> None:
    """A save through the editor's form and service, as the page makes it."""
    form = form_class("methods")(instance=card)
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None}
    bound = form_class("methods")({**data, **changes}, instance=card)
    assert bound.is_valid(), bound.errors
    content_save(editor=_editor(), form=bound)


def test_tabs_by_keyboard_and_a_refused_save(browser: Browser, live_server, demo):
    card = MethodCard.objects.get(slug=SLUG)
    page, errors, violations = _editor_page(browser, live_server)
    edit = f"{live_server.url}/en/toolkit/edit/methods/{SLUG}/"
    page.goto(edit)

    # The page's language opens first; the arrow keys move between the tabs and their panels.
    tabs = page.get_by_role("tablist").get_by_role("tab")
    expect(tabs).to_have_count(3)
    english = page.get_by_role("tab", name=re.compile(r"English \(en\)"))
    expect(english).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    english.focus()
    page.keyboard.press("ArrowRight")  # from the last tab round to the first
    finnish = page.get_by_role("tab", name=re.compile(r"Suomi \(fi\)"))
    expect(finnish).to_be_focused()
    expect(finnish).to_have_attribute("aria-selected", "true")
    expect(english).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowRight")
    swedish = page.get_by_role("tab", name=re.compile(r"Svenska \(sv\)"))
    expect(swedish).to_be_focused()
    expect(page.locator("#panel-sv")).to_be_visible()
    expect(page.locator("#panel-fi")).to_be_hidden()
    expect(page.locator("#id_summary_fi")).to_be_hidden()

    # Emptying a Swedish text counts it as missing on the tab at once; the save keeps it.
    expect(swedish).to_contain_text("complete")
    page.locator("#id_summary_sv").fill("")
    expect(swedish).to_contain_text("1 field missing")
    page.locator("#id_summary_sv").fill("Första versionen.")
    expect(swedish).to_contain_text("complete")

    # A refused save (no Finnish title) opens the Finnish tab and keeps the Swedish text; the
    # summary's link opens the field's tab from any other.
    finnish.click()
    page.locator("#id_title_fi").fill("")
    swedish.click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#error-summary")).to_be_focused()
    finnish = page.get_by_role("tab", name=re.compile(r"Suomi \(fi\): 1 error"))
    expect(finnish).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_summary_sv")).to_have_value("Första versionen.")
    page.get_by_role("tab", name=re.compile("English")).click()
    page.locator("#error-summary a").click()
    expect(page.locator("#id_title_fi")).to_be_focused()
    page.locator("#id_title_fi").fill(card.title_fi)
    page.get_by_role("tab", name=re.compile("Svenska")).click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved. The revision is kept.")).to_be_visible()
    expect(page.get_by_role("tab", name=re.compile(r"Svenska"))).to_have_attribute(
        "aria-selected", "true"
    )  # the tab she was on
    assert serious_violations(page) == []
    card.refresh_from_db()
    assert card.summary_sv == "Första versionen."

    # The same page in Finnish and Swedish, the tabs' words in the page's language.
    for prefix, words in (("", "valmis"), ("/sv", "klar")):
        page.goto(f"{live_server.url}{prefix}/toolkit/edit/methods/{SLUG}/")
        expect(page.get_by_role("tab", selected=True)).to_have_count(1)
        expect(page.get_by_role("tab").first).to_contain_text(words)
        assert serious_violations(page) == [], prefix
    page.context.close()
    assert not errors, errors
    assert not violations, violations


def test_compare_two_revisions_and_restore_one(browser: Browser, live_server, demo):
    card = MethodCard.objects.get(slug=SLUG)
    _save(card, summary_sv="Första versionen.")
    _save(card, summary_sv="Andra versionen, längre.")
    page, errors, violations = _editor_page(browser, live_server)
    page.goto(f"{live_server.url}/en/toolkit/edit/methods/{SLUG}/")

    # Revision 1 against revision 2, side by side, the change marked in tags and in words.
    page.get_by_label("Older: revision 1").check()
    page.get_by_label("Newer: revision 2").check()
    page.get_by_role("button", name="Compare the chosen revisions").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Compare revisions")
    table = page.get_by_role("table", name=re.compile("Svenska"))
    expect(table.get_by_role("columnheader", name=re.compile("Revision 1"))).to_be_visible()
    expect(table.locator("del").first).to_contain_text("Första")
    expect(table.locator("ins").first).to_contain_text("Andra")
    expect(table.locator("ins").first).to_contain_text("[added:")
    assert serious_violations(page) == []

    # Restoring revision 1 asks first, then writes revision 3 with its text.
    page.get_by_role("link", name="Restore revision 1…").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Restore revision 1")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Restore revision 1").click()
    expect(page.get_by_text("Revision 1 was restored")).to_be_visible()
    page.get_by_role("tab", name=re.compile("Svenska")).click()
    expect(page.locator("#id_summary_sv")).to_have_value("Första versionen.")
    expect(page.get_by_role("rowheader", name=re.compile("Revision 3"))).to_be_visible()
    card.refresh_from_db()
    assert card.summary_sv == "Första versionen."

    # The comparison in Finnish and Swedish, and the Swedish index.
    revisions = Revision.objects.filter(content_kind="method", content_id=card.pk)
    second = revisions.order_by("pk")[1]  # differs from the current version, revision 1 again
    for prefix in ("", "/sv"):
        page.goto(f"{live_server.url}{prefix}/toolkit/edit/methods/{SLUG}/compare/?old={second.pk}")
        expect(page.locator("table.diff").first).to_be_visible()
        assert serious_violations(page) == [], prefix
    page.goto(f"{live_server.url}/sv/toolkit/edit/")
    expect(page.get_by_text("sv: klar").first).to_be_visible()
    assert serious_violations(page) == []

    # At 320 px the comparison's tables scroll in their own region; the page does not.
    page.set_viewport_size({"width": 320, "height": 800})
    for path in (f"compare/?old={second.pk}&new=current", f"revisions/{second.pk}/restore/"):
        page.goto(f"{live_server.url}/toolkit/edit/methods/{SLUG}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert page.evaluate(CUT_OFF) == [], path
    page.context.close()
    assert not errors, errors
    assert not violations, violations


def test_without_javascript_every_language_shows_under_its_heading(
    browser: Browser, live_server, demo
):
    context = browser.new_context(java_script_enabled=False)
    client = Client()
    email = demo_data_read().accounts.editor.email
    client.force_login(get_user_model().objects.get(email=email))
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/toolkit/edit/methods/{SLUG}/")
    expect(page.get_by_role("tablist")).to_have_count(0)  # hidden
    for name in ("Suomi (fi)", "Svenska (sv)", "English (en)"):
        expect(page.get_by_role("heading", name=re.compile(re.escape(name)))).to_be_visible()
    for lang in ("fi", "sv", "en"):
        expect(page.locator(f"#id_title_{lang}")).to_be_visible()
    context.close()
