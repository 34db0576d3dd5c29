"""Issue 4 (keep the user's work) and issue 6 (saved work survives): autosave across a reload,
export then import, the share link and its QR code, blocked or full storage."""

from __future__ import annotations

import json

from .conftest import browser_report, cpython_report, decode_link, wait_for_result
from .helpers import add_activity, open_scenario, saved_scenario, unfolded, wait_report

PLANNED = {
    "version": 1,
    "policy": "qinghai",
    "activities": [
        {"kind": "public_course", "year": 2025, "hours": 30, "title": "公需课"},
        {"kind": "professional_course", "year": 2025, "hours": 20, "evidence": "结业证书"},
        {"kind": "paper", "year": 2025, "authorship": "sole", "count": 3, "title": "三篇论文"},
    ],
    "requirements": {"2024": {"public": 30, "professional": 60}},
    "target": {"type": "recognition", "level": "intermediate", "year": 2025},
}


def test_autosave_survives_reload(page, site_url):
    page.goto(f"{site_url}calculator/?policy=qinghai")
    page.wait_for_selector("#add-activity:not([disabled])")
    add_activity(page, "public_course", 2025, hours=12)
    # the name is folded under the card's “更多” (issue 11): opened to type it, as a person would
    card = page.locator('#activity-list > [data-activity="0"]')
    unfolded(card.locator("input[name=title]")).fill("网络公需课")
    before = wait_report(page, "r.years.some(y => y.public === 12)")
    page.reload()
    wait_for_result(page)
    after = wait_report(page, "r.years.some(y => y.public === 12)")
    assert after == before
    card = page.locator('#activity-list > [data-activity="0"]')
    assert card.locator("select[name=kind]").input_value() == "public_course"
    assert card.locator("input[name=hours]").input_value() == "12"
    assert card.locator("input[name=title]").input_value() == "网络公需课"
    assert page.input_value("#policy") == "qinghai"
    assert page.errors == []


def test_export_then_import_gives_the_same_report(page, context, site_url, tmp_path):
    first = open_scenario(page, site_url, PLANNED)
    with page.expect_download() as info:
        page.click("#export-file")
    path = tmp_path / "exported.json"
    info.value.save_as(path)
    assert json.loads(path.read_text("utf-8")) == PLANNED

    fresh = context.browser.new_context()
    other = fresh.new_page()
    other.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(other)
    other.set_input_files("#import-file", str(path))
    report = wait_report(other, "r.policy === 'qinghai'")
    assert report == first == cpython_report(PLANNED)
    assert other.locator("#notice").is_visible()
    assert saved_scenario(other) == PLANNED
    fresh.close()


def test_share_link_reproduces_the_scenario(page, context, site_url):
    first = open_scenario(page, site_url, PLANNED)
    page.click("#make-share")
    page.locator("#share-qr svg").wait_for()  # and its QR code
    assert page.locator("#share-panel").is_visible()
    assert "个人信息" in page.inner_text("#share-panel")  # the warning
    link = page.input_value("#share-url")
    assert "#z=" in link  # compressed: this browser has CompressionStream
    assert decode_link(link) == PLANNED
    assert "#s=" not in page.url and "#z=" not in page.url  # never written into the address bar on its own

    fresh = context.browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    assert wait_for_result(other) == "ready"
    assert browser_report(other) == first
    other.click("#make-share")
    other.wait_for_function("(link) => document.getElementById('share-url').value === link", arg=link)
    fresh.close()


def test_share_link_keeps_the_previous_work_aside(page, site_url):
    open_scenario(page, site_url, PLANNED)
    other = {"version": 1, "policy": "hefei", "activities": [{"kind": "public_course", "year": 2021, "hours": 5}]}
    page.goto("about:blank")
    open_scenario(page, site_url, other)
    assert saved_scenario(page) == other
    page.get_by_role("button", name="恢复之前的内容").click()
    wait_report(page, "r.policy === 'qinghai'")
    assert saved_scenario(page) == PLANNED


def test_full_storage_shows_warning_and_export_still_works(page, site_url, tmp_path):
    open_scenario(page, site_url, PLANNED)
    assert page.locator("#storage-warning").is_hidden()
    filled = page.evaluate("""() => {
        let i = 0, error = 'not full';
        for (const size of [512 * 1024, 64 * 1024, 4096, 256, 16, 1]) {
            const chunk = 'x'.repeat(size);
            for (;;) {
                try { localStorage.setItem('filler-' + i, chunk); i++; } catch (e) { error = e.name; break; }
            }
        }
        return error;
    }""")
    assert filled == "QuotaExceededError"
    card = page.locator('#activity-list > [data-activity="0"]')
    unfolded(card.locator("input[name=title]")).fill("存储已满时的修改" * 200)
    warning = page.locator("#storage-warning")
    warning.wait_for(state="visible")
    assert "导出文件" in warning.inner_text()
    with page.expect_download() as info:
        page.click("#export-file")
    path = tmp_path / "export.json"
    info.value.save_as(path)
    assert json.loads(path.read_text("utf-8"))["activities"][0]["title"].startswith("存储已满时的修改")
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))")


def test_blocked_storage_shows_warning(browser, site_url):
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });""")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}calculator/?policy=hefei")
    assert wait_for_result(page) == "ready"
    warning = page.locator("#storage-warning")
    assert warning.is_visible()
    assert "无痕" in warning.inner_text()
    page.click("#add-activity")
    page.locator("#activity-list select[name=kind]").select_option("public_course")
    with page.expect_download():
        page.click("#export-file")
    # No script error at all: the theme's __md_get/__md_set reach storage inside their try
    # (overrides/partials/javascripts/base.html), as the calculator does.
    assert errors == []
    # A region page, where the theme's own bundle runs and asks storage for its settings.
    page.goto(f"{site_url}regions/qinghai/")
    page.locator("figure.policy-qr svg").wait_for()
    page.keyboard.press("/")  # search opens (the bundle's keyboard handler ran)
    page.locator(".md-search__input").wait_for(state="visible")
    assert errors == []
    context.close()
