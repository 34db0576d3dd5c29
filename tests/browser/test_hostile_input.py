"""Issue 6 (user-facing): hostile text is only ever text, through the form, an imported file and
a share link; bad links and files get a clear Chinese message and lose nothing else."""

from __future__ import annotations

import base64
import json

import pytest

from .conftest import browser_report, share_data, wait_for_result
from .helpers import not_executed, open_scenario, saved_scenario, wait_report, unfolded

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "\"><svg onload=window.__pwned=1>",
    "javascript:window.__pwned=1",
]


def hostile_scenario(payload):
    return {
        "version": 1,
        "policy": "qinghai",
        "activities": [
            {"kind": "public_course", "year": 2025, "hours": 30, "title": payload, "evidence": payload},
            {"kind": payload, "year": 2025},
        ],
        "target": {"type": "review", "level": "intermediate", "year": 2025},
    }


def assert_inert(page, payload):
    assert not_executed(page)
    assert page.locator("#calculator img, #calculator script, #report svg").count() == 0
    assert payload in page.text_content("#report")  # as text (a line's name may sit in a folded 明细)
    # and in the print summary (drawn in a task of its own after the report)
    page.wait_for_function("(p) => document.getElementById('print-summary').textContent.includes(p)", arg=payload)


@pytest.mark.parametrize("payload", PAYLOADS[:2])
def test_payload_through_share_link(page, site_url, payload):
    open_scenario(page, site_url, hostile_scenario(payload))
    assert_inert(page, payload)
    page.click("#compare")
    page.locator(".calc-cmp-card").first.wait_for(timeout=90_000)
    assert payload in page.text_content("#compare-result")
    assert not_executed(page)


def test_payload_through_form(page, site_url):
    payload = PAYLOADS[0]
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    page.click("#add-activity")
    card = page.locator('#activity-list > [data-activity="0"]')
    card.locator("select[name=kind]").select_option("public_course")
    card.locator("input[name=year]").fill("2025")
    card.locator("input[name=hours]").fill("3")
    unfolded(card.locator("input[name=title]")).fill(payload)
    wait_report(page, "r.years.some(y => y.public === 3)")
    page.wait_for_function(f"() => document.getElementById('report').textContent.includes({json.dumps(payload)})")
    assert_inert(page, payload)


def test_payload_through_imported_file(page, site_url):
    payload = PAYLOADS[1]
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    scenario = hostile_scenario(payload)
    scenario["policy"] = PAYLOADS[2]  # an unknown region, named by markup
    page.set_input_files("#import-file", files=[{"name": "<b>x</b>.json", "mimeType": "application/json",
                                                 "buffer": json.dumps(scenario).encode()}])
    # A region the site does not know: the file is refused before anything is replaced (issue 11),
    # and the message names that region as text.
    message = page.locator("#file-message")
    message.wait_for()
    assert not_executed(page)
    assert page.locator("#calculator img, #calculator script, #calculator b").count() == 0
    assert PAYLOADS[2][:40] in message.text_content() and "没有导入" in message.text_content()
    saved = saved_scenario(page)
    assert saved is None or saved["policy"] == "qinghai"  # the user's own work is untouched


BAD_LINKS = {
    "not base64": ("***", "分享链接"),
    "not JSON": (base64.urlsafe_b64encode(b"not json").decode().rstrip("="), "JSON"),
    "not UTF-8": (base64.urlsafe_b64encode(b"\xff\xfe\xfa").decode().rstrip("="), "UTF-8"),
    "wrong version": (share_data({"version": 99, "policy": "qinghai", "activities": []}), "版本"),
    "unknown region": (share_data({"version": 1, "policy": "atlantis", "activities": []}), "atlantis"),
}


@pytest.mark.parametrize("name", BAD_LINKS)
def test_malformed_share_link_loses_nothing(page, site_url, name):
    kept = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8, "title": "保留的条目"}]}
    open_scenario(page, site_url, kept)
    data, words = BAD_LINKS[name]
    page.goto("about:blank")
    page.goto(f"{site_url}calculator/#s={data}")
    assert wait_for_result(page) == "error"
    message = page.inner_text("#result-error")
    assert words in message, message
    if name in ("not base64", "not JSON", "not UTF-8"):
        # the link could not be read: the form shows the saved work, untouched
        assert saved_scenario(page) == kept
        assert page.locator('#activity-list input[name=title]').input_value() == "保留的条目"
    else:
        # a readable scenario replaces the form; the earlier work is kept aside to restore
        page.get_by_role("button", name="恢复之前的内容").click()
        wait_report(page, "r.policy === 'hefei'")
        assert saved_scenario(page) == kept
    assert page.errors == []


def test_big_and_broken_files_are_refused_before_parsing(page, site_url):
    kept = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8}]}
    first = open_scenario(page, site_url, kept)
    message = page.locator("#file-message")
    page.set_input_files("#import-file", files=[{"name": "big.json", "mimeType": "application/json", "buffer": b" " * 10_000_000}])
    message.wait_for(state="visible")
    assert "10.0 MB" in message.inner_text() and "没有导入" in message.inner_text()
    page.set_input_files("#import-file", files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": "不是 JSON {".encode()}])
    page.wait_for_function("() => document.getElementById('file-message').textContent.includes('不是有效的 JSON')")
    page.set_input_files("#import-file", files=[{"name": "nan.json", "mimeType": "application/json", "buffer": b'{"version":1,"policy":"hefei","activities":[{"hours":NaN}]}'}])
    page.wait_for_function("() => document.getElementById('file-message').textContent.includes('nan.json')")
    assert saved_scenario(page) == kept
    assert browser_report(page) == first
    assert page.errors == []


def test_bad_numbers_and_years_are_reported_entry_by_entry(page, site_url):
    scenario = {"version": 1, "policy": "hefei", "activities": [
        {"kind": "self_study", "year": 2021, "hours": 8},
        {"kind": "self_study", "year": 0, "hours": 8},
        {"kind": "self_study", "year": 99999, "hours": 8},
        {"kind": "self_study", "year": 2021, "hours": "abc"},
        {"kind": "self_study", "year": 2021, "hours": 1e20},  # 1e308: calc OverflowError, reported to lead
    ]}
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    page.set_input_files("#import-file", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": json.dumps(scenario).encode()}])
    report = wait_report(page, "r.errors.length >= 4")
    assert sorted({e["activity"] for e in report["errors"]}) == [1, 2, 3, 4]
    assert report["years"][0]["professional"] + report["years"][0]["public"] >= 8  # the good one still counts
    for index in (1, 2, 3, 4):
        assert page.locator(f'#activity-list > [data-activity="{index}"] .calc-activity-errors li').count() >= 1
    assert page.locator('#activity-list > [data-activity="1"] input[name=year]').input_value() == "0"
    assert saved_scenario(page) == scenario


def test_ten_thousand_activities_stay_responsive_and_kept(page, site_url, tmp_path):
    activities = [{"kind": "self_study", "year": 2021, "hours": 1, "title": f"第{i}条"} for i in range(10_000)]
    scenario = {"version": 1, "policy": "hefei", "activities": activities}
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    path = tmp_path / "many.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False), "utf-8")
    page.set_input_files("#import-file", str(path))
    report = wait_report(page, "r.errors.some(e => e.field === 'activities')")
    assert any("500" in e["message"] for e in report["errors"])
    # only a first chunk of cards is drawn, and the report's first lines: what keeps the page
    # answering at once (the pause itself is scripts/bench's to measure: a timed check here depends
    # on how busy the machine is, issue 22; test_heavy_scenarios.py checks the same structure)
    assert page.locator("#activity-list > li.calc-activity").count() <= 60
    assert page.locator("#report *").count() < 2500
    assert "还有" in page.inner_text(".calc-more")
    assert len(saved_scenario(page)["activities"]) == 10_000
    with page.expect_download() as info:
        page.click("#export-file")
    out = tmp_path / "out.json"
    info.value.save_as(out)
    assert json.loads(out.read_text("utf-8")) == scenario


# ---- issue 15 -----------------------------------------------------------------------------------

POISON = {"version": 1, "policy": "qinghai", "activities": [], "extra": None}


def deep_link_data(levels: int = 2900) -> str:
    """A scenario with `levels` of nesting inside extra (an 8 KB link): it crashed Python in the
    browser, was autosaved, and every reload failed again."""
    text = '{"version": 1, "policy": "qinghai", "activities": [], "extra": ' + "[" * levels + "]" * levels + "}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_poisoned_link_then_reload_never_breaks_the_calculator(page, site_url):
    kept = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8, "title": "保留的条目"}]}
    first = open_scenario(page, site_url, kept)
    page.goto("about:blank")
    page.goto(f"{site_url}calculator/#s={deep_link_data()}")
    assert wait_for_result(page) == "error"
    assert "32 层" in page.inner_text("#result-error")
    assert saved_scenario(page) == kept  # never saved over the user's work
    page.reload()
    assert wait_for_result(page) == "ready"
    assert browser_report(page) == first
    assert page.errors == []


def test_a_poisoned_save_from_an_earlier_version_starts_clean_and_is_kept(page, site_url):
    """Whatever is saved, the page can always start: an unusable save goes to the history."""
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    deep = base64.urlsafe_b64decode(deep_link_data() + "==").decode()
    page.evaluate("(text) => localStorage.setItem('jxjy-calculator/scenario', text)", deep)
    page.reload()
    assert wait_for_result(page) == "ready"
    assert "无法使用" in page.inner_text("#notice") and "之前的内容" in page.inner_text("#notice")
    history = json.loads(page.evaluate("() => localStorage.getItem('jxjy-calculator/history')"))
    assert history[0]["text"] == deep and history[0]["reason"] == "无法使用的保存内容"
    assert page.locator("#start-over").is_enabled()
    # the calculator works as usual
    page.click("#add-activity")
    card = page.locator('#activity-list > [data-activity="0"]')
    card.locator("select[name=kind]").select_option("self_study")
    card.locator("input[name=year]").fill("2021")
    card.locator("input[name=hours]").fill("5")
    wait_report(page, "r.years.some(y => y.professional === 5)")
    assert page.errors == []


def test_calc_refuses_the_deep_text_itself(page, site_url):
    """The page checks the depth before it saves; calc checks it again before it parses (the
    limit holds for anything that reaches Python, e.g. a link's text that is not an object)."""
    page.goto(f"{site_url}calculator/#s={base64.urlsafe_b64encode(b'[' * 3000).decode().rstrip('=')}")
    assert wait_for_result(page) == "error"
    assert [e["code"] for e in browser_report(page)["errors"]] == ["too_deep"]
    assert page.errors == []


NUMBERS = [
    # typed -> (stored, counted hours or None when calc must name the field)
    ("12", 12, 12), ("１２．５", 12.5, 12.5), (".5", 0.5, 0.5),
    ("1e3", "1e3", None), ("1,000", "1,000", None), ("1e400", "1e400", None), ("1" + "0" * 20, 10**20, None),
    ("12 小时", "12 小时", None),
]


@pytest.mark.parametrize("typed,stored,counted", NUMBERS, ids=[n[0][:8] for n in NUMBERS])
def test_numbers_are_taken_as_a_person_writes_them_or_named(page, site_url, typed, stored, counted):
    """“1e400” became Infinity, was saved as null and counted 0 hours without a word; “1e3” was
    1000 hours. Now only plain decimals count (full-width digits too); anything else is kept as
    typed, and calc names the field."""
    scenario = {"version": 1, "policy": "hefei", "activities": [
        {"kind": "self_study", "year": 2021, "hours": 8}, {"kind": "self_study", "year": 2021, "hours": 1}]}
    open_scenario(page, site_url, scenario)
    page.locator('#activity-list > [data-activity="1"] input[name=hours]').fill(typed)
    if counted is None:
        report = wait_report(page, "r.errors.some(e => e.activity === 1 && e.field === 'hours')")
        assert report["years"][0]["professional"] == 8  # the other activity still counts
        error = page.locator('#activity-list > [data-activity="1"] .calc-activity-errors li')
        assert "证书记载学时" in error.inner_text() or "学时" in error.inner_text()
    else:
        report = wait_report(page, f"r.years.length && r.years[0].professional === {8 + counted}")
        assert report["errors"] == []
    assert saved_scenario(page)["activities"][1]["hours"] == stored
    page.reload()
    wait_for_result(page)
    assert page.locator('#activity-list > [data-activity="1"] input[name=hours]').input_value() == str(stored)
    assert page.errors == []


def test_requirements_and_person_of_the_wrong_shape_are_repaired_on_load(page, site_url):
    """A requirements entry that is null, a number or a list threw when the user typed a figure
    (the edit lost); a person that is a list silently dropped the user's edits."""
    scenario = {"version": 1, "policy": "qinghai", "person": ["x"],
                "activities": [{"kind": "public_course", "year": 2025, "hours": 30}],
                "requirements": {"2023": None, "2022": 45, "2021": [1, 2], "2020": {"public": 30, "professional": 60}}}
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    page.set_input_files("#import-file", files=[{"name": "odd.json", "mimeType": "application/json", "buffer": json.dumps(scenario).encode()}])
    # the file's report (the import reads it in tasks of its own: the empty page's report holds too)
    wait_report(page, "r.policy === 'qinghai' && r.errors.length === 0"
                      " && r.years.some(y => y.year === 2020 && y.required_source === 'user')")
    notice = page.inner_text("#notice")
    assert "已修正" in notice and "person" in notice and "2023" in notice and "2022" in notice and "2021" in notice
    saved = saved_scenario(page)
    assert "person" not in saved and saved["requirements"] == {"2020": {"public": 30, "professional": 60}}
    # a figure typed in the remaining year, and a person's field, are kept
    page.locator("#requirements summary").click() if not page.locator("#requirements").get_attribute("open") is not None else None
    page.locator('#requirement-list li[data-year="2020"] input[name=public]').fill("24")
    # 任现职 is asked in 职称申报 once an application is chosen (the verdict depends on it)
    page.select_option("#target-fields select[name=type]", "review")
    page.locator("#target-fields input[name=tenure_start]").fill("2019")
    page.wait_for_function("() => { const s = JSON.parse(localStorage.getItem('jxjy-calculator/scenario'));"
                           " return s.requirements['2020'].public === 24 && s.person && s.person.tenure_start === 2019; }")
    assert page.errors == []


def test_a_utf16_file_from_windows_notepad_is_imported(page, site_url):
    scenario = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8, "title": "记事本"}]}
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    page.set_input_files("#import-file", files=[{"name": "notepad.json", "mimeType": "application/json",
                                                 "buffer": json.dumps(scenario, ensure_ascii=False).encode("utf-16")}])
    wait_report(page, "r.policy === 'hefei'")
    assert saved_scenario(page) == scenario
