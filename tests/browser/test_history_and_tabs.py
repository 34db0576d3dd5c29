"""Issue 15: nothing the user entered is ever lost — the history of earlier states (“之前的内容”),
two tabs of one browser, the start-up guard, “清空并重新开始”, and share links too long to open."""

from __future__ import annotations

import json

from .conftest import START_TIMEOUT_MS, browser_report, share_data, wait_for_result, zip_data
from .helpers import open_scenario, saved_scenario, wait_report

ORIGINAL = {"version": 1, "policy": "qinghai", "activities": [
    {"kind": "public_course", "year": 2025, "hours": 30, "title": "我自己填的"},
    {"kind": "professional_course", "year": 2025, "hours": 20},
]}
FIRST_LINK = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8}]}
SECOND_LINK = {"version": 1, "policy": "weihai", "activities": []}
IMPORTED = {"version": 1, "policy": "hohhot", "activities": [{"kind": "public_course", "year": 2022, "hours": 3}]}


def history(page) -> list[dict]:
    return json.loads(page.evaluate("() => localStorage.getItem('jxjy-calculator/history') || '[]'"))


def open_link(page, site_url, scenario, form="s"):
    page.goto("about:blank")
    data = share_data(scenario) if form == "s" else zip_data(scenario)
    page.goto(f"{site_url}calculator/#{form}={data}")
    wait_for_result(page)
    return browser_report(page)


def restore_from_history(page, words: str) -> None:
    """Open “之前的内容” and press 恢复 on the entry whose line holds these words."""
    page.locator("#history summary").click()
    entry = page.locator("#history-list li", has_text=words).first
    entry.get_by_role("button", name="恢复").wait_for()
    entry.get_by_role("button", name="恢复").click()


def test_link_then_link_then_import_then_restore_the_original(page, site_url):
    """A second link, or a link then an import, replaced the single spare copy: the original was gone."""
    open_scenario(page, site_url, ORIGINAL)
    open_link(page, site_url, FIRST_LINK)
    open_link(page, site_url, SECOND_LINK, form="z")
    page.set_input_files("#import-file", files=[{"name": "imported.json", "mimeType": "application/json",
                                                 "buffer": json.dumps(IMPORTED).encode()}])
    wait_report(page, "r.policy === 'hohhot'")
    kept = history(page)
    assert [json.loads(e["text"]) for e in kept] == [SECOND_LINK, FIRST_LINK, ORIGINAL]
    assert [e["reason"] for e in kept] == ["导入文件之前", "打开分享链接之前", "打开分享链接之前"]
    assert page.locator("#history-count").inner_text() == "3"
    restore_from_history(page, "青海")
    wait_report(page, "r.policy === 'qinghai'")
    assert saved_scenario(page) == ORIGINAL
    assert page.locator('#activity-list input[name=title]').first.input_value() == "我自己填的"
    # what was shown before the restore is kept in its turn
    assert json.loads(history(page)[0]["text"]) == IMPORTED
    assert page.errors == []


def test_reload_then_restore(page, site_url):
    """After one reload the “恢复之前的内容” button was gone although the copy was still stored."""
    open_scenario(page, site_url, ORIGINAL)
    open_link(page, site_url, FIRST_LINK)
    page.reload()
    wait_for_result(page)
    assert saved_scenario(page) == FIRST_LINK
    line = page.locator("#history-list li").first.text_content()
    assert "青海" in line and "2 项" in line and "打开分享链接之前" in line
    restore_from_history(page, "青海")
    wait_report(page, "r.policy === 'qinghai'")
    assert saved_scenario(page) == ORIGINAL
    assert page.errors == []


def test_the_spare_copy_of_earlier_versions_joins_the_history(page, site_url):
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    page.evaluate("(text) => localStorage.setItem('jxjy-calculator/previous', text)", json.dumps(ORIGINAL))
    page.reload()
    wait_for_result(page)
    assert page.evaluate("() => localStorage.getItem('jxjy-calculator/previous')") is None
    assert [e["reason"] for e in history(page)] == ["较早另存的内容"]
    restore_from_history(page, "较早另存的内容")
    wait_report(page, "r.policy === 'qinghai'")
    assert saved_scenario(page) == ORIGINAL


def test_history_keeps_a_stated_number_of_states(page, site_url):
    open_scenario(page, site_url, ORIGINAL)
    limit = page.evaluate("() => fetch('catalogue.json').then(r => r.json()).then(d => d.limits.HISTORY_STATES)")
    for n in range(limit + 2):
        open_link(page, site_url, {**FIRST_LINK, "activities": FIRST_LINK["activities"] * (n + 1)})
    kept = history(page)
    assert len(kept) == limit
    assert json.loads(kept[-1]["text"]) != ORIGINAL  # the oldest went first
    assert str(limit) in page.text_content("#history-hint")


def test_two_tabs_never_overwrite_each_other_without_asking(page, context, site_url):
    """Two tabs, an edit in each: the last to save silently overwrote the other."""
    open_scenario(page, site_url, ORIGINAL)
    other = context.new_page()  # the same browser profile: the same localStorage
    other.goto(f"{site_url}calculator/")
    wait_for_result(other)
    assert saved_scenario(other) == ORIGINAL
    # an edit in the first tab ...
    page.locator('#activity-list > [data-activity="0"] input[name=hours]').fill("31")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('jxjy-calculator/scenario')).activities[0].hours === 31")
    # ... is noticed by the second, which says so and stops saving
    notice = other.locator("#notice")
    notice.get_by_role("button", name="保留本页的内容").wait_for()
    assert "另一个标签页" in notice.inner_text()
    # the second entry (专业 hours, no name) is a cell of the year grid
    other.locator('#year-grid li[data-year="2025"] input[name=professional]').fill("22")
    # the edit is calculated as usual (the page decided whether to save it before asking for that)
    wait_report(other, "r.years.some(y => y.year === 2025 && y.professional === 22)")
    assert saved_scenario(other)["activities"][0]["hours"] == 31  # the newer work is still there
    assert saved_scenario(other)["activities"][1]["hours"] == 20
    # the user keeps this tab's work: the other tab's goes to the history
    notice.get_by_role("button", name="保留本页的内容").click()
    other.wait_for_function("() => JSON.parse(localStorage.getItem('jxjy-calculator/scenario')).activities[1].hours === 22")
    assert json.loads(history(other)[0]["text"])["activities"][0]["hours"] == 31
    # and the first tab, in its turn, is told and saves nothing over it
    page.locator("#notice").get_by_role("button", name="载入另一页的内容").wait_for()
    page.locator("#notice").get_by_role("button", name="载入另一页的内容").click()
    page.wait_for_function("() => document.querySelector('#year-grid li[data-year=\"2025\"] input[name=professional]').value === '22'")
    assert saved_scenario(page)["activities"][1]["hours"] == 22
    assert page.errors == []
    other.close()


def test_a_tab_that_saves_after_another_never_overwrites_it(page, context, site_url):
    """The storage event may come late (or never, for a page in the back-forward cache): the page
    also compares before it writes."""
    open_scenario(page, site_url, ORIGINAL)
    page.evaluate("""() => {
        const s = JSON.parse(localStorage.getItem('jxjy-calculator/scenario'));
        s.activities[0].hours = 99;
        localStorage.setItem('jxjy-calculator/scenario', JSON.stringify(s));  // as another tab would
    }""")  # a write in this very page fires no storage event here
    page.locator('#year-grid li[data-year="2025"] input[name=professional]').fill("21")
    page.locator("#notice").get_by_role("button", name="保留本页的内容").wait_for()
    assert saved_scenario(page)["activities"][0]["hours"] == 99


def test_start_over_keeps_the_work_in_the_history(page, site_url):
    open_scenario(page, site_url, ORIGINAL)
    page.click("#start-over")
    wait_report(page, "r.years.length === 0")
    assert saved_scenario(page)["activities"] == [] and saved_scenario(page)["policy"] == "qinghai"
    assert page.locator("#activity-list > li").count() == 0
    assert json.loads(history(page)[0]["text"]) == ORIGINAL
    restore_from_history(page, "清空之前")
    wait_report(page, "r.years.length > 0")
    assert saved_scenario(page) == ORIGINAL


def test_forget_everything_removes_every_key(page, site_url):
    open_scenario(page, site_url, ORIGINAL)
    open_link(page, site_url, FIRST_LINK)
    page.locator("#history summary").click()
    page.click("#forget-all")
    page.locator("#notice").get_by_role("button", name="确认删除").click()
    page.wait_for_function("() => Object.keys(localStorage).filter(k => k.startsWith('jxjy-calculator/')).length === 0")
    assert page.locator("#history-count").inner_text() == "0"


def fingerprint(page, text: str) -> str:
    # the same FNV-1a as storage.js (fingerprint), over the saved text
    return page.evaluate("""(text) => { let h = 0x811c9dc5; for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
        return `${text.length}:${(h >>> 0).toString(36)}`; }""", text)


def test_a_calculation_that_never_answered_is_not_repeated_at_start_without_asking(page, site_url):
    open_scenario(page, site_url, ORIGINAL)
    page.wait_for_function("() => localStorage.getItem('jxjy-calculator/calculating') === null")  # answered: no mark
    text = page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')")
    # as if the page had crashed during that calculation: its mark was never cleared
    page.evaluate("(mark) => localStorage.setItem('jxjy-calculator/calculating', mark)", fingerprint(page, text))
    page.reload()
    assert wait_for_result(page) == "error"
    assert "没有算完" in page.inner_text("#result-error")
    assert page.get_attribute("#result", "data-report") is None  # nothing was calculated
    page.locator("#notice").get_by_role("button", name="清空并重新开始").wait_for()
    page.locator("#notice").get_by_role("button", name="继续计算").click()
    report = wait_report(page, "r.years.length > 0")
    assert report["policy"] == "qinghai"
    assert page.get_attribute("#result", "data-status") == "ready"


def test_a_link_too_long_to_open_is_offered_as_a_file(page, site_url, tmp_path):
    """A 5.8 MB link was offered; opening it failed with no message."""
    import random

    rnd = random.Random(15)
    noise = [{"kind": "public_course", "year": 2025, "hours": 1,
              "title": "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(60))} for _ in range(150)]
    big = {"version": 1, "policy": "qinghai", "activities": noise}
    open_scenario(page, site_url, big)
    page.click("#make-share")
    message = page.locator("#share-long")
    message.wait_for()
    limit = page.evaluate("() => fetch('catalogue.json').then(r => r.json()).then(d => d.limits.MAX_LINK_CHARS)")
    assert f"{limit:,}" in message.inner_text() and "导出文件" in message.inner_text()
    assert page.locator("#share-url").is_hidden() and page.input_value("#share-url") == ""
    with page.expect_download() as info:
        message.get_by_role("button", name="导出文件").click()
    path = tmp_path / "big.json"
    info.value.save_as(path)
    assert json.loads(path.read_text("utf-8")) == big
    # a realistic scenario still gets a link, and a QR code
    open_scenario(page, site_url, ORIGINAL)
    page.click("#make-share")
    page.locator("#share-qr svg").wait_for()
    assert page.locator("#share-long").is_hidden()


def test_a_compressed_link_that_unpacks_past_the_limit_is_refused(page, site_url):
    """2.1 MB of spaces pack into a few KB: unpacking stops at the limit, with a message. (A plain
    #s= link that long is past Chromium's 2 MB address limit: the browser itself refuses it.)"""
    kept = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8}]}
    open_scenario(page, site_url, kept)
    padded = {**kept, "extra": {"pad": " " * 2_100_000}}
    page.goto("about:blank")
    page.goto(f"{site_url}calculator/#z={zip_data(padded)}", timeout=START_TIMEOUT_MS)
    assert wait_for_result(page) == "error"
    assert "2 MB" in page.inner_text("#result-error")
    assert saved_scenario(page) == kept
    assert page.errors == []


def test_a_compressed_link_opens_like_the_plain_one(page, site_url):
    plain = open_link(page, site_url, ORIGINAL, form="s")
    packed = open_link(page, site_url, ORIGINAL, form="z")
    assert packed == plain and plain["errors"] == []
