"""Issue 4, 打印: the self-check summary prints on one A4 sheet, marked 非官方自查, with the verdict,
a row per year, the evidence to keep for each activity, the rule data version and the date; the
form and the on-screen result are not printed."""
from __future__ import annotations

import re

from .conftest import share_data, wait_for_result
from .helpers import wait_report
from .test_keep_work import PLANNED


def sheets(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def open_planned(page, site_url):
    page.goto(f"{site_url}calculator/#s={share_data(PLANNED)}")
    wait_for_result(page)
    wait_report(page, "r.policy === 'qinghai'")
    # the summary is drawn in a task of its own after the report
    page.wait_for_function("() => document.getElementById('print-summary').textContent.includes('非官方自查')")


def test_the_check_counts_sheets():
    assert sheets(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page /Parent 1 >>") == 2


def test_print_summary_is_one_sheet(page, site_url):
    open_planned(page, site_url)
    assert sheets(page.pdf(format="A4")) == 1


def test_print_summary_is_all_that_prints(page, site_url):
    open_planned(page, site_url)
    page.emulate_media(media="print")
    summary = page.locator("#print-summary")
    assert summary.is_visible()
    assert not page.locator("#calc-form").is_visible()
    assert not page.locator("#result").is_visible()
    text = summary.inner_text()
    assert "非官方自查" in text
    assert re.search(r"生成日期：\d{4}年\d{1,2}月\d{1,2}日", text)
    assert re.search(r"规则数据版本：\S+", text)
    assert "结论（" in text and "最少还需补" in text
    rows = [r.inner_text() for r in summary.locator("table").first.locator("tbody tr").all()]
    assert [r.split()[0][:4] for r in rows] == ["2024", "2025"]
    activities = summary.locator("table").nth(1).inner_text()
    assert "结业证书" in activities  # the user's own evidence note
    # where the user wrote none: the evidence the notice names for the kind, with its clause (rule data)
    assert "刊登论文的期刊" in activities and "附件4 2022年学术论文" in activities
