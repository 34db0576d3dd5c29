"""Issue 23, the page 单位批量自查 in Chromium: a unit's file runs end to end in the browser with the
same core as `python -m calc batch` — the template (downloaded from the page), a GBK CSV as Excel
or WPS saves it, an .xlsx with date cells — and the table is calc's batch result for the same file
and day, row by row (each row's scenario, opened in the calculator, is the one calc read, and
`check` of it is the row); progress, the filter by 结论 and the search, the exports, both prints,
what the page says of a file it cannot use, its privacy sentence, and that the calculator never
loads openpyxl.

The batch page starts Python normally (a few seconds): the tests of one file share one page and
its worker (`batch`), each giving it a file as a person would."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from calc import batch as calc_batch, batch_export, batch_template, limits

from .conftest import SITE, START_TIMEOUT_MS, TODAY, cpython_report, decode_link, share_data, wait_for_result
from tests.unit_staff import builtin_format, csv_text, staff, xlsx

ROWS = """() => [...document.querySelectorAll('#batch-rows > tr')].map((tr) => {
  const cell = (i) => tr.cells[i];
  return {
    row: Number(tr.dataset.row), status: tr.dataset.status,
    cells: [0, 1, 2, 3, 4, 5, 6].map((i) => cell(i).textContent),
    badge: (cell(5).querySelector('.calc-badge') || {className: ''}).className,
    problems: [...cell(7).querySelectorAll('li')].map((li) => li.textContent),
    link: cell(8).querySelector('a').href,
  };
})"""
FINISHED = ["done", "refused", "error", "stopped"]
# the run of a file (data-run) has finished: its status, else null
FINISHED_RUN = """([run, finished]) => {
  const box = document.getElementById('batch');
  return Number(box.dataset.run || 0) >= run && finished.includes(box.dataset.status) ? box.dataset.status : null;
}"""


def give(page, path: Path) -> str:
    """Choose the file as a person does (once the chooser can be used), and wait until the page
    has finished with it: its status."""
    page.wait_for_function("() => !document.getElementById('batch-file').disabled", timeout=START_TIMEOUT_MS)
    run = int(page.get_attribute("#batch", "data-run") or 0) + 1
    page.set_input_files("#batch-file", str(path))
    return wait_run(page, run)


def wait_run(page, run: int) -> str:
    return page.wait_for_function(FINISHED_RUN, arg=[run, FINISHED], timeout=START_TIMEOUT_MS).json_value()


def expected_rows(data: bytes, name: str) -> tuple[list[dict], list, dict | None, list[dict]]:
    """What the page should show for the file: calc's batch result as of the browsers' day, as rows;
    the people calc read, what concerns no one person, and the results themselves."""
    book = calc_batch.read(data, name)
    found = calc_batch.results(book, TODAY)
    people = [r for r in found if r["row"] is not None]
    rows = [{
        "row": r["row"], "status": r["status"] or "none",
        "cells": [str(r["row"]), r["name"] or "", r["id"] or "", r["region"] or "", r["target"] or "—", r["label"], r["next_step"] or ""],
        "badge": f"calc-badge calc-{r['status']}" if r["status"] else "",
        "problems": batch_export.problem_lines(r),
    } for r in people]
    rest = found[-1] if found and found[-1]["row"] is None else None
    return rows, book.people, rest, people


def shown_rows(page) -> list[dict]:
    return page.evaluate(ROWS)


def assert_table_is_calcs(page, path: Path) -> list[dict]:
    """The table equals calc's result for the same file and day, and each row's link opens the
    scenario calc read from that row, whose `check` is the row."""
    expected, people, rest, _ = expected_rows(path.read_bytes(), path.name)
    shown = shown_rows(page)
    assert [{k: v for k, v in row.items() if k != "link"} for row in shown] == expected
    for row, person in zip(shown, people, strict=True):
        scenario = decode_link(row["link"])
        assert scenario == json.loads(json.dumps(person.scenario, ensure_ascii=False))
        assert calc_batch.check(person, TODAY)["label"] == row["cells"][5]
    rest_lines = page.evaluate("() => document.getElementById('batch-rest').hidden ? null :"
                               " [...document.querySelectorAll('#batch-rest-list li')].map((li) => li.textContent)")
    assert rest_lines == (batch_export.problem_lines(rest) if rest else None)
    return shown


@pytest.fixture(scope="module")
def batch(browser, site_url):
    """The batch page, its program started; one for the tests of this file that give it files."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r))
    page.goto(f"{site_url}batch/")
    page.wait_for_function("() => document.getElementById('batch').dataset.engine === 'ready'", timeout=START_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The files a unit might give: the template's shapes, made up from tests/unit_staff.py."""
    folder = tmp_path_factory.mktemp("unit")
    sheets = staff(36, seed=7)
    paths = {
        "gbk.csv": csv_text(sheets["人员"], "gbk"),
        "dates.xlsx": dated_workbook(sheets),
        "staff.xlsx": xlsx(staff(80, seed=11)),
    }
    for name, data in paths.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in paths}


def dated_workbook(sheets: dict) -> bytes:
    """An .xlsx as a spreadsheet program saves it with date cells: every 出生日期 a date cell, the
    first in Chinese Excel's and WPS's built-in format 31 (yyyy"年"m"月"d"日", which openpyxl does
    not know: a serial number to it), the second shown as a year and a month (出生年月); and a
    申报日期 date cell for each application."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    people = [list(row) for row in sheets["人员"]]
    people[0].insert(6, "申报日期")
    for row in people[1:]:
        row.insert(6, datetime(2025, 11, 1) if row[3] else None)
    for name, rows in {**sheets, "人员": people}.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    birth = book["人员"].cell(2, people[0].index("出生日期") + 1)
    birth.value = (date(1975, 3, 8) - date(1899, 12, 30)).days
    birth.number_format = "0.000"  # a custom format, made built-in 31 below
    book["人员"].cell(3, people[0].index("出生日期") + 1).number_format = 'yyyy"年"m"月"'
    out = io.BytesIO()
    book.save(out)
    return builtin_format(out.getvalue(), "0.000", 31)



# --- the template ---------------------------------------------------------------------------


def test_the_template_is_calcs_with_an_example_per_region_and_the_headers_meanings(batch, tmp_path):
    with batch.expect_download() as xlsx_download:
        batch.click("#template-xlsx")
    with batch.expect_download() as csv_download:
        batch.click("#template-csv")
    assert xlsx_download.value.suggested_filename == "单位批量自查模板.xlsx"
    assert csv_download.value.suggested_filename == "单位批量自查模板.csv"
    xlsx_path, csv_path = tmp_path / "template.xlsx", tmp_path / "template.csv"
    xlsx_download.value.save_as(xlsx_path)
    csv_download.value.save_as(csv_path)
    book = openpyxl.load_workbook(xlsx_path)
    assert book.sheetnames == ["人员", "成果", "年度要求", "说明"]
    year = book["人员"]["D2"].value  # the example's application year: the build's
    made = batch_template.template(date(year, 7, 1))
    for name, rows in made.items():
        assert [list(r) for r in book[name].iter_rows(values_only=True)] == rows
    assert csv_path.read_bytes() == batch_template.template_csv(date(year, 7, 1))
    regions = {person.scenario["policy"] for person in calc_batch.read(xlsx_path.read_bytes(), "t.xlsx").people}
    assert regions == {"qinghai", "xining", "weihai", "hefei", "hohhot"}


def test_the_template_runs_end_to_end_and_the_table_is_calcs_result(batch):
    path = SITE / "batch" / "template.xlsx"
    assert give(batch, path) == "done"
    shown = assert_table_is_calcs(batch, path)
    assert len(shown) == 5
    assert any(row["badge"] == "calc-badge calc-ready" for row in shown)
    assert give(batch, SITE / "batch" / "template.csv") == "done"
    assert_table_is_calcs(batch, SITE / "batch" / "template.csv")
    assert batch.errors == []


# --- the files a spreadsheet program saves ----------------------------------------------------


def test_a_gbk_csv_saved_by_a_spreadsheet_program_is_read_as_calc_reads_it(batch, files):
    path = files["gbk.csv"]
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really GBK, as Excel and WPS write it in China
    assert give(batch, path) == "done"
    shown = assert_table_is_calcs(batch, path)
    assert len(shown) == 36
    first = decode_link(shown[0]["link"])
    birth = staff(36, seed=7)["人员"][1][8]
    assert first["person"]["birth_date"] == birth.isoformat()


def test_an_xlsx_with_date_cells_is_read_as_calc_reads_it(batch, files):
    path = files["dates.xlsx"]
    assert give(batch, path) == "done"
    shown = assert_table_is_calcs(batch, path)
    scenarios = [decode_link(row["link"]) for row in shown]
    assert scenarios[0]["person"]["birth_date"] == "1975-03-08"  # the Chinese date format
    birth = staff(36, seed=7)["人员"][2][8]
    assert scenarios[1]["person"]["birth_date"] == f"{birth.year:04d}-{birth.month:02d}"  # 出生年月
    assert {s["target"]["date"] for s in scenarios if "target" in s} == {"2025-11-01"}


def test_a_generated_unit_gives_calcs_result_row_by_row(batch, files):
    path = files["staff.xlsx"]
    assert give(batch, path) == "done"
    assert_table_is_calcs(batch, path)  # the first 100 rows: all 80
    statuses = {row["status"] for row in shown_rows(batch)}
    assert {"ready", "not_ready", "none"} <= statuses


# --- progress, filters, search ------------------------------------------------------------------


def test_progress_moves_while_people_are_checked(batch, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_text(staff(120, seed=3)["人员"]))
    batch.evaluate("""() => {
      window.__bar = [];
      const bar = document.getElementById('batch-bar');
      new MutationObserver(() => window.__bar.push([bar.value, bar.max, document.getElementById('batch-progress-text').textContent]))
        .observe(bar, {attributes: true});
    }""")
    assert give(batch, path) == "done"
    seen = batch.evaluate("() => window.__bar")
    counted = [(value, top) for value, top, _ in seen if top == 120]
    assert any(0 < value < 120 for value, _ in counted), seen
    assert [value for value, _ in counted] == sorted(value for value, _ in counted)
    assert any("已计算" in text and "/ 120 人" in text for _, _, text in seen)
    assert batch.is_hidden("#batch-progress")


def test_the_filter_by_verdict_and_the_search_by_name(batch, files):
    path = files["staff.xlsx"]
    assert give(batch, path) == "done"
    expected, _, _, results = expected_rows(path.read_bytes(), path.name)
    options = batch.evaluate("() => [...document.getElementById('batch-filter').options].map((o) => [o.value, o.textContent])")
    assert options[0] == ["", "全部（80 人）"]
    for value, label in options[1:]:
        batch.select_option("#batch-filter", value)
        shown = shown_rows(batch)
        if value == "problems":
            wanted = [r for r, result in zip(expected, results) if result["errors"]]
        else:
            wanted = [r for r in expected if r["status"] == value]
        assert [r["row"] for r in shown] == [r["row"] for r in wanted]
        assert label.endswith(f"（{len(wanted)} 人）")
        assert batch.text_content("#batch-shown") == f"显示 80 人中的 {len(wanted)} 人。"
    batch.select_option("#batch-filter", "")
    name = expected[5]["cells"][1]
    batch.fill("#batch-search", name[:2])
    assert [r["row"] for r in shown_rows(batch)] == [r["row"] for r in expected if name[:2] in r["cells"][1]]
    batch.fill("#batch-search", expected[7]["cells"][2])  # by 编号 too
    assert [r["row"] for r in shown_rows(batch)] == [expected[7]["row"]]
    batch.fill("#batch-search", "")
    assert len(shown_rows(batch)) == 80


def test_a_unit_larger_than_a_page_shows_the_rest_on_request(batch, tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(csv_text(staff(230, seed=5)["人员"], "utf-8-sig"))
    assert give(batch, path) == "done"
    assert len(shown_rows(batch)) == 100
    assert batch.text_content("#batch-more") == "显示后面的 100 人（还有 130 人）"
    batch.click("#batch-more")
    batch.click("#batch-more")
    expected = expected_rows(path.read_bytes(), path.name)[0]
    assert [r["row"] for r in shown_rows(batch)] == [r["row"] for r in expected]
    assert batch.is_hidden("#batch-more")


# --- the calculator, exports, print ------------------------------------------------------------


def test_each_row_opens_that_person_in_the_calculator(batch, files):
    path = files["staff.xlsx"]
    assert give(batch, path) == "done"
    row = shown_rows(batch)[3]
    with batch.context.expect_page() as opened:
        batch.locator("#batch-rows > tr").nth(3).locator("a.batch-open").click()
    calculator = opened.value
    try:
        calculator.wait_for_selector("#result", state="attached")
        assert wait_for_result(calculator) == "ready"
        report = json.loads(calculator.get_attribute("#result", "data-report"))
        scenario = decode_link(row["link"])
        assert report == cpython_report(scenario)
        assert (report.get("readiness") or {}).get("status", None) == (None if row["status"] == "none" else row["status"])
    finally:
        calculator.close()


def test_exports_are_calcs_files_of_every_person(batch, files, tmp_path):
    path = files["gbk.csv"]
    assert give(batch, path) == "done"
    batch.fill("#batch-search", "张")  # the export does not depend on what the table shows
    results = calc_batch.results(calc_batch.read(path.read_bytes(), path.name), TODAY)
    with batch.expect_download() as got:
        batch.click("#batch-export-csv")
    assert got.value.suggested_filename == f"单位批量自查结果-{TODAY}.csv"
    got.value.save_as(tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_bytes() == batch_export.write_csv(results)
    with batch.expect_download() as got:
        batch.click("#batch-export-xlsx")
    assert got.value.suggested_filename == f"单位批量自查结果-{TODAY}.xlsx"
    got.value.save_as(tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["结果"]
    exported = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert exported == [["" if v is None else v for v in row] for row in batch_export.rows(results)]
    batch.fill("#batch-search", "")


def sheets(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_print_the_table_alone_or_one_sheet_per_person(batch, files):
    path = files["staff.xlsx"]
    assert give(batch, path) == "done"
    expected = expected_rows(path.read_bytes(), path.name)[0]
    batch.select_option("#batch-filter", "not_ready")
    wanted = [r for r in expected if r["status"] == "not_ready"][:4]
    batch.fill("#batch-search", wanted[0]["cells"][2])  # one 编号: one person
    # headless Chromium cannot show a print dialog (window.print() then blocks page.pdf): counted
    batch.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    batch.click("#batch-print-sheets")
    batch.wait_for_function("() => document.getElementById('batch-print').dataset.people === '1'", timeout=START_TIMEOUT_MS)
    assert batch.get_attribute("#batch", "data-print") == "sheets"
    batch.emulate_media(media="print")
    try:
        text = batch.inner_text("#batch-print")
        assert "非官方自查" in text and f"编号：{wanted[0]['cells'][2]}" in text and wanted[0]["cells"][1] in text
        assert wanted[0]["cells"][5] in text  # the verdict, in calc's words
        assert not batch.is_visible("#batch-results") and not batch.is_visible("#batch-drop")
        assert sheets(batch.pdf(format="A4")) == 1
        assert batch.evaluate("() => window.__printed") == 1
    finally:
        batch.emulate_media(media="null")  # no emulation: pdf() prints with print media again
    batch.fill("#batch-search", "")
    every = [r for r in expected if r["status"] == "not_ready"]
    batch.click("#batch-print-sheets")
    batch.wait_for_function(f"() => document.getElementById('batch-print').dataset.people === '{len(every)}'",
                            timeout=START_TIMEOUT_MS)
    assert sheets(batch.pdf(format="A4")) == len(every)  # one A4 each
    batch.click("#batch-print-table")
    batch.wait_for_function("() => window.__printed === 3 && document.getElementById('batch').dataset.print === 'table'")
    batch.emulate_media(media="print")
    try:
        assert batch.is_visible("#batch-table") and not batch.is_visible("#batch-print")
        assert not batch.is_visible("#batch-tools") and not batch.is_visible("#batch-privacy")
        printed = [r["row"] for r in shown_rows(batch)]
        assert printed == [r["row"] for r in every]
    finally:
        batch.emulate_media(media="null")  # no emulation: pdf() prints with print media again
        batch.select_option("#batch-filter", "")


# --- what the page says, and keeps -------------------------------------------------------------


def test_a_file_calc_cannot_use_is_refused_in_calcs_words_and_the_results_stay_usable(batch, tmp_path):
    cases = {
        "人员.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "人员.csv": "姓名,地区\n张三,合肥\n".encode(),  # no year column
        "很大.csv": None,  # one byte past the limit: the page hands calc no more than that
    }
    for name, data in cases.items():
        path = tmp_path / name
        if data is None:
            with path.open("wb") as handle:
                handle.truncate(limits.MAX_BATCH_BYTES + 1_000_000)
        else:
            path.write_bytes(data)
        assert give(batch, path) == "refused", batch.text_content("#batch-message")
        message = calc_batch.read(path.read_bytes()[: limits.MAX_BATCH_BYTES + 1], name).problem["message"]
        assert batch.text_content("#batch-message") == message
        assert batch.is_hidden("#batch-results")
    assert give(batch, SITE / "batch" / "template.csv") == "done"
    assert batch.is_hidden("#batch-message")


def test_privacy_the_file_stays_here_and_no_id_card_number_is_shown(batch, tmp_path):
    sentence = batch.text_content("#batch-privacy")
    assert "人员表只在这台电脑上读取和计算，不会上传到任何服务器。" in sentence
    assert "本页不保存任何内容" in sentence and "不需要身份证号" in sentence
    number = "11010119730501123X"
    rows = [["姓名", "身份证号", "地区", "2025公需", "2025专业", "备注"],
            ["王芳", number, "合肥", 30, 60, ""], ["李强", "", "合肥", 30, 60, number]]
    path = tmp_path / "with-id.csv"
    path.write_bytes(csv_text(rows, "utf-8"))
    before = len(batch.requests)
    assert give(batch, path) == "done"
    page_text = batch.inner_text("body") + batch.evaluate("() => [...document.querySelectorAll('a')].map((a) => a.href).join(' ')")
    assert number not in page_text and "11010119730501" not in page_text
    assert_table_is_calcs(batch, path)
    assert "身份证号码列" in batch.text_content("#batch-rest")  # said once, as calc says it
    asked = batch.requests[before:]
    assert all(r.method == "GET" and r.url.startswith(batch.url.split("/batch/")[0]) for r in asked), [r.url for r in asked]
    kept = batch.evaluate("() => JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})")
    assert "王芳" not in kept and "李强" not in kept


def test_stop_ends_a_run_and_the_page_takes_another_file(batch, tmp_path):
    path = tmp_path / "many.csv"
    path.write_bytes(csv_text(staff(600, seed=9)["人员"]))
    run = int(batch.get_attribute("#batch", "data-run") or 0) + 1
    batch.set_input_files("#batch-file", str(path))  # the chooser is usable: the page's program is ready
    batch.wait_for_function("() => document.getElementById('batch').dataset.status === 'checking'", timeout=START_TIMEOUT_MS)
    batch.click("#batch-stop")
    assert wait_run(batch, run) == "stopped"
    assert batch.text_content("#batch-message") == "已停止。可以重新选择文件。"
    batch.wait_for_function("() => document.getElementById('batch').dataset.engine === 'ready'", timeout=START_TIMEOUT_MS)
    assert give(batch, SITE / "batch" / "template.csv") == "done"
    assert len(shown_rows(batch)) == 5


# --- the program: its start, its failures, and the calculator without openpyxl ------------------


def test_a_failed_download_of_openpyxl_is_said_and_a_retry_reads_the_file(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    try:
        context.route("**/openpyxl-*.whl", lambda route: route.fulfill(status=404, body="gone"))
        page.goto(f"{site_url}batch/")
        give(page, SITE / "batch" / "template.xlsx")
        assert page.get_attribute("#batch", "data-engine") == "failed"
        assert page.get_attribute("#batch", "data-error") == "download"
        assert page.text_content("#batch-message").startswith("无法计算：计算程序的文件没能下载下来")
        context.unroute("**/openpyxl-*.whl")
        page.click("#batch-retry")
        assert wait_run(page, 2) == "done"
        assert len(shown_rows(page)) == 5
    finally:
        context.close()


WORKER_BATCH = """async ([start, csvText]) => {
  const url = new URL('../calculator/worker.js' + (start === 'normal' ? '?start=normal' : ''), location.href);
  const worker = new Worker(url, {type: 'module'});
  const answers = new Map();
  const ready = new Promise((resolve) => worker.addEventListener('message', (e) => {
    if (e.data.type === 'ready') resolve(e.data.start);
    if (e.data.type === 'batch-answer' || e.data.type === 'batch-failed') answers.get(e.data.id)(e.data);
  }));
  const ask = (msg) => new Promise((resolve) => { answers.set(msg.id, resolve); worker.postMessage(msg); });
  const started = await ready;
  const data = new TextEncoder().encode(csvText).buffer;
  const read = await ask({type: 'batch-read', id: 1, data, name: 'x.csv'});
  const checked = await ask({type: 'batch-check', id: 2, from: 0, to: 50, today: '2025-07-01'});
  worker.terminate();
  return {started, read, checked};
}"""


@pytest.mark.parametrize("start", ["snapshot", "normal"])
def test_the_worker_answers_batch_requests_under_either_start(page, site_url, start):
    """calc's memory snapshot holds no calc.batch: under a snapshot start the worker starts Python
    normally for the batch; either way the answers are CPython's."""
    rows = staff(12, seed=2)["人员"]
    text = csv_text(rows, "utf-8").decode("utf-8")
    page.goto(f"{site_url}batch/")
    got = page.evaluate(WORKER_BATCH, [start, text])
    assert got["started"] == start
    book = calc_batch.read(text.encode(), "x.csv")
    assert got["read"]["count"] == 12 and got["read"]["problem"] is None
    expected = [calc_batch.check(person, TODAY) for person in book.people]
    assert got["checked"]["results"] == json.loads(json.dumps(expected, ensure_ascii=False))
    assert got["checked"]["problems"] == [batch_export.problem_lines(r) for r in expected]


def test_the_calculator_never_loads_openpyxl(browser, site_url):
    lock = json.loads((SITE / "pyodide" / "pyodide-lock.json").read_text("utf-8"))
    shipped = {p["file_name"] for p in lock["packages"].values()}
    assert {"openpyxl-3.1.5-py2.py3-none-any.whl", "et_xmlfile-2.0.0-py3-none-any.whl"} <= shipped
    assert lock["packages"]["openpyxl"]["depends"] == ["et-xmlfile"]
    first = {"version": 1, "policy": "hefei", "activities": []}
    for address in (f"calculator/#s={share_data(first)}", "calculator/?policy=hefei&start=normal"):
        context = browser.new_context()  # a first visit: nothing cached
        page = context.new_page()
        asked = []
        page.on("request", lambda r: asked.append(r.url))
        try:
            page.goto(site_url + address)
            assert wait_for_result(page) == "ready"
            assert asked and not [u for u in asked if "openpyxl" in u or "et_xmlfile" in u or "batch" in u]
        finally:
            context.close()


def test_the_batch_page_loads_openpyxl_only_for_an_xlsx(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    try:
        page.goto(f"{site_url}batch/")
        assert give(page, SITE / "batch" / "template.csv") == "done"
        assert not [u for u in asked if "openpyxl" in u or "et_xmlfile" in u]
        assert give(page, SITE / "batch" / "template.xlsx") == "done"
        wheels = {u.rsplit("/", 1)[-1] for u in asked if u.endswith(".whl")}
        assert {"et_xmlfile-2.0.0-py3-none-any.whl", "openpyxl-3.1.5-py2.py3-none-any.whl"} <= wheels
        assert all(u.startswith(site_url) for u in asked)
    finally:
        context.close()
