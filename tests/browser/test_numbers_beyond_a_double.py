"""Issue 22 item 2: a number too large for a double (1e400, an integer of 400 digits) in a share
link or an imported file reached calc as null — not given: 合肥 公需课 with `hours: 1e400` counted
30 h, 青海 学术会议 `hours: 1e400, days: 2` counted 14 h, 任现职 was dropped — and the saved
record held null. Now calc gets the number as it was written (an error naming the field: too
large), and the saved record, the history, an export and a new share link keep it as given."""

from __future__ import annotations

import base64
import json
import zlib

from .conftest import browser_report, wait_for_result
from .helpers import saved_scenario, wait_report

HUGE = "1" + "0" * 400  # more digits than calc converts (MAX_NUMBER_DIGITS): "too large"


def text_of(scenario: dict, **numbers: str) -> str:
    """The scenario's JSON text with each placeholder "@name@" written as the bare number token."""
    text = json.dumps(scenario, ensure_ascii=False)
    for name, token in numbers.items():
        text = text.replace(f'"@{name}@"', token)
    return text


def link(text: str, form: str = "s") -> str:
    raw = text.encode()
    data = zlib.compress(raw) if form == "z" else raw
    return f"#{form}=" + base64.urlsafe_b64encode(data).decode().rstrip("=")


def saved_text(page) -> str:
    return page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')")


def test_a_link_with_hours_of_1e400_says_they_are_too_large_and_keeps_them(page, site_url):
    scenario = {"version": 1, "policy": "hefei", "activities": [
        {"kind": "public_course", "year": 2021, "hours": "@H@"},
        {"kind": "self_study", "year": 2021, "hours": 8}]}
    page.goto(f"{site_url}calculator/{link(text_of(scenario, H='1e400'))}")
    wait_for_result(page)
    report = wait_report(page, "r.errors.length > 0")
    assert [(e["activity"], e["field"]) for e in report["errors"]] == [(0, "hours")]
    assert "超出范围" in report["errors"][0]["message"] and "缺少" not in report["errors"][0]["message"]
    assert report["years"][0]["public"] == 0  # not 30 h, as if no hours were given
    assert report["years"][0]["professional"] == 8  # the other entry still counts
    # a plain entry of the year grid: its cell shows the number as the link wrote it
    row = page.locator('#year-grid li[data-year="2021"]')
    assert "超出范围" in row.locator(".calc-grid-errors").inner_text()
    hours = row.locator("input[name=public]")
    assert hours.input_value() == "1e400"
    assert '"hours":1e400' in saved_text(page)
    page.reload()
    wait_for_result(page)
    assert browser_report(page)["errors"] == report["errors"]
    assert hours.input_value() == "1e400"
    assert '"hours":1e400' in saved_text(page)
    # the person corrects it: the number typed replaces it
    hours.fill("30")
    wait_report(page, "r.errors.length === 0 && r.years[0].public === 30")
    assert saved_scenario(page)["activities"][0]["hours"] == 30
    assert page.errors == []


def test_a_compressed_link_with_hours_of_1e400_is_not_counted_by_its_days(page, site_url):
    scenario = {"version": 1, "policy": "qinghai", "activities": [
        {"kind": "academic_event", "year": 2021, "hours": "@H@", "days": 2}]}
    page.goto(f"{site_url}calculator/{link(text_of(scenario, H='1e400'), 'z')}")
    wait_for_result(page)
    report = wait_report(page, "r.errors.length > 0")
    assert [(e["activity"], e["field"]) for e in report["errors"]] == [(0, "hours")]
    assert "超出范围" in report["errors"][0]["message"]
    assert all(y["professional"] == 0 and y["public"] == 0 for y in report["years"])  # not 14 h
    assert '"hours":1e400' in saved_text(page)
    assert page.errors == []


def test_an_imported_file_keeps_them_through_export_share_and_history(page, site_url, tmp_path):
    scenario = {"version": 1, "policy": "qinghai", "person": {"tenure_start": "@T@"},
                "target": {"type": "review", "level": "intermediate", "year": 2025},
                "activities": [{"kind": "public_course", "year": 2025, "hours": "@H@", "title": "一个很大的数"},
                               {"kind": "public_course", "year": 2025, "hours": 30}]}
    text = text_of(scenario, T="1e400", H=HUGE)
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    page.set_input_files("#import-file", files=[{"name": "big.json", "mimeType": "application/json", "buffer": text.encode()}])
    report = wait_report(page, "r.policy === 'qinghai' && r.errors.length >= 2")
    fields = {e["field"]: e["message"] for e in report["errors"]}
    assert set(fields) == {"person.tenure_start", "hours"}
    assert "超出范围" in fields["person.tenure_start"]  # not dropped, not “四位整数”
    assert "不能大于" in fields["hours"]
    assert page.locator("#target-fields input[name=tenure_start]").input_value() == "1e400"
    card = page.locator('#activity-list > [data-activity="0"]')
    assert card.locator("input[name=hours]").input_value() == HUGE
    assert "不能大于" in card.locator(".calc-activity-errors").inner_text()
    saved = saved_text(page)
    assert '"tenure_start":1e400' in saved and f'"hours":{HUGE}' in saved

    with page.expect_download() as info:
        page.click("#export-file")
    exported = tmp_path / "exported.json"
    info.value.save_as(exported)
    written = exported.read_text("utf-8")
    assert '"tenure_start": 1e400' in written and f'"hours": {HUGE}' in written
    assert json.loads(written)["activities"][0]["hours"] == int(HUGE)

    page.click("#make-share")
    page.wait_for_function("() => document.getElementById('share-url').value !== ''")
    form, data = page.input_value("#share-url").split("#", 1)[1].split("=", 1)
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    shared = (zlib.decompress(raw) if form == "z" else raw).decode()
    assert '"tenure_start":1e400' in shared and f'"hours":{HUGE}' in shared

    page.click("#start-over")
    wait_report(page, "r.years.length === 0")
    kept = json.loads(page.evaluate("() => localStorage.getItem('jxjy-calculator/history')"))[0]["text"]
    assert '"tenure_start":1e400' in kept and f'"hours":{HUGE}' in kept
    page.locator("#history summary").click()
    with page.expect_download() as info:
        page.locator("#history-list li").first.get_by_role("button", name="导出").click()
    again = tmp_path / "history.json"
    info.value.save_as(again)
    assert '"tenure_start": 1e400' in again.read_text("utf-8")
    page.locator("#history-list li").first.get_by_role("button", name="恢复").click()
    restored = wait_report(page, "r.errors.length >= 2")
    assert {e["field"] for e in restored["errors"]} == {"person.tenure_start", "hours"}
    assert '"tenure_start":1e400' in saved_text(page)
    assert page.errors == []
