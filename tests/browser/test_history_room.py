"""Issue 22 item 3: the history (“之前的内容”) holds HISTORY_CHARS characters in all. Own work, then
a link that unpacks to about 1 MB, then any other link: keeping the first link's content evicted
the own work, while the notice still said it was kept. The user's own work is never evicted for
a link's; when something must go, the page says what, and offers to export it first."""

from __future__ import annotations

import json

from .conftest import wait_for_result, zip_data
from .helpers import add_activity, saved_scenario, unfolded, wait_report

SMALL_LINK = {"version": 1, "policy": "weihai", "activities": []}


def history(page) -> list[dict]:
    return json.loads(page.evaluate("() => localStorage.getItem('jxjy-calculator/history') || '[]'"))


def history_chars(page) -> int:
    return page.evaluate("() => fetch('catalogue.json').then(r => r.json()).then(d => d.limits.HISTORY_CHARS)")


def own_work(page, site_url, title: str) -> str:
    """Typed into the form, as a person does: the saved text."""
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    add_activity(page, "public_course", 2025, hours=12)
    unfolded(page.locator('#activity-list > [data-activity="0"] input[name=title]')).fill(title)
    page.wait_for_function("(t) => (localStorage.getItem('jxjy-calculator/scenario') || '').includes(t)", arg=title)
    return page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')")


def nearly_full(limit: int, policy: str = "hefei", short: int = 50) -> dict:
    """A scenario whose saved text is `short` characters short of the whole history's room (it
    packs into a short #z= link)."""
    scenario = {"version": 1, "policy": policy, "activities": [], "extra": {"pad": ""}}
    skeleton = len(json.dumps(scenario, ensure_ascii=False, separators=(",", ":")))
    scenario["extra"]["pad"] = "x" * (limit - short - skeleton)
    return scenario


def open_link(page, site_url, scenario) -> None:
    page.goto("about:blank")
    page.goto(f"{site_url}calculator/#z={zip_data(scenario)}")
    wait_for_result(page)


def test_own_work_is_never_evicted_for_a_links_content(page, site_url, tmp_path):
    mine = own_work(page, site_url, "我自己填的")
    limit = history_chars(page)
    big = nearly_full(limit)
    open_link(page, site_url, big)
    assert [e["text"] for e in history(page)] == [mine]
    assert "已存入" in page.inner_text("#notice")
    # any other link: the first link's content and the own work cannot both be kept
    open_link(page, site_url, SMALL_LINK)
    assert [e["text"] for e in history(page)] == [mine]  # never evicted for the link's content
    notice = page.locator("#notice")
    said = notice.inner_text()
    assert "已存入" not in said and "分享链接" in said and "青海" in said  # says what, and why
    assert saved_scenario(page) == big  # nothing saved over it until the person chooses
    # the link's content can be exported first
    with page.expect_download() as info:
        notice.get_by_role("button", name="导出之前的内容").click()
    path = tmp_path / "before.json"
    info.value.save_as(path)
    assert json.loads(path.read_text("utf-8")) == big
    notice.get_by_role("button", name="保存新内容（不保留之前的内容）").click()
    page.wait_for_function("() => JSON.parse(localStorage.getItem('jxjy-calculator/scenario')).policy === 'weihai'")
    assert [e["text"] for e in history(page)] == [mine]
    page.locator("#history summary").click()
    page.locator("#history-list li", has_text="青海").get_by_role("button", name="恢复").click()
    wait_report(page, "r.policy === 'qinghai'")
    assert page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')") == mine
    assert page.errors == []


def test_own_work_that_must_go_is_named_and_offered_for_export_first(page, site_url, tmp_path):
    first = own_work(page, site_url, "第一份")
    limit = history_chars(page)
    big = nearly_full(limit, "qinghai", short=150)  # edited below, it still fits alone
    page.set_input_files("#import-file", files=[{"name": "big.json", "mimeType": "application/json",
                                                 "buffer": json.dumps(big).encode()}])
    wait_report(page, "r.years.length === 0")
    assert [e["text"] for e in history(page)] == [first]
    # the imported content, edited: the person's own work now
    add_activity(page, "public_course", 2024, hours=6)
    page.wait_for_function("() => JSON.parse(localStorage.getItem('jxjy-calculator/scenario')).activities.length === 1")
    second = page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')")
    open_link(page, site_url, SMALL_LINK)
    assert [e["text"] for e in history(page)] == [first]
    assert page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')") == second
    notice = page.locator("#notice")
    assert "第一份" in notice.inner_text() or "1 项" in notice.inner_text()
    with page.expect_download() as info:
        notice.get_by_role("button", name="导出：").click()  # the entry that would go
    path = tmp_path / "first.json"
    info.value.save_as(path)
    assert path.read_text("utf-8").replace(" ", "").replace("\n", "") == first.replace(" ", "")
    notice.get_by_role("button", name="删除它们并保存新内容").click()
    page.wait_for_function("() => JSON.parse(localStorage.getItem('jxjy-calculator/scenario')).policy === 'weihai'")
    assert [e["text"] for e in history(page)] == [second]
    assert page.errors == []


def test_a_links_content_makes_room_first_and_the_notice_says_so(page, site_url):
    mine = own_work(page, site_url, "我自己填的")
    limit = history_chars(page)
    open_link(page, site_url, SMALL_LINK)  # the own work goes to the history
    open_link(page, site_url, nearly_full(limit, short=len(mine) + 20))  # the small link's content goes there too
    assert [json.loads(e["text"]) for e in history(page)] == [SMALL_LINK, json.loads(mine)]
    # a third link: the big link's content fits beside the own work only if the small one's goes
    open_link(page, site_url, {**SMALL_LINK, "policy": "hohhot"})
    kept = history(page)
    assert [e["text"] for e in kept][1:] == [mine] and json.loads(kept[0]["text"])["policy"] == "hefei"
    said = page.inner_text("#notice")
    assert "已删除" in said and "威海" in said
    assert page.errors == []
