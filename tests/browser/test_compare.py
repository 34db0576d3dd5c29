"""Issue 11: the comparison across regions, in the calculator (对比各地区) and on the 各地对比 page.

A card per region, readable on a 375 px phone (no sideways scrolling) and side by side on a
desktop; the same entries carried over with units converted (合肥's 公需课 in 门 of 30 学时, 青海's
training in days), what has no counterpart said so, Chinese names only — no type codes — and
every word calc's (calc.compare, the same function the command line runs)."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT, START_TIMEOUT_MS
from .helpers import open_scenario, wait_report

ARTIFACTS = ROOT / "test-artifacts"
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:organised_training|public_course|book|paper|patent|project)\b")

# 合肥's engineer of issue 11: 2024 30+90 with an invention patent (first inventor), applying for 中级 in 2025
ENGINEER = {
    "version": 1,
    "policy": "hefei",
    "person": {"tenure_start": 2020},
    "activities": [
        {"kind": "public_course", "year": 2024, "count": 1},
        {"kind": "organised_training", "year": 2024, "hours": 90},
        {"kind": "patent", "year": 2024, "type": "invention", "rank": 1, "title": "发明专利"},
        {"kind": "paper", "year": 2024, "journal": "national", "chars": 3000},
    ],
    "target": {"type": "review", "level": "intermediate", "year": 2025},
}


def python_comparison(scenario):
    import calc

    return json.loads(calc.compare_json(json.dumps(scenario, ensure_ascii=False)))


def run_comparison(page):
    page.click("#compare")
    page.locator(".calc-cmp-card").first.wait_for(timeout=START_TIMEOUT_MS)
    return page.locator(".calc-cmp-card")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_card_per_region_in_chinese_with_calcs_words(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_scenario(page, site_url, ENGINEER)
        cards = run_comparison(page)
        expected = python_comparison(ENGINEER)
        assert [c.get_attribute("data-policy") for c in cards.all()] == [r["policy"] for r in expected["regions"]]
        assert cards.first.get_attribute("data-policy") == "hefei"  # the region being used comes first
        for card, region in zip(cards.all(), expected["regions"]):
            text = card.text_content()  # folded notes included
            assert region["name"] in text
            assert region["carried_text"] in text
            readiness = region["report"].get("readiness")
            if readiness:
                assert readiness["status_label"] in text and readiness["heading"] in text
            for year in region["report"]["years"]:
                assert year["figures_text"] in text
            for entry in region["entries"]:
                if entry["text"]:
                    assert entry["text"] in text, entry  # calc's sentence, as it is
        whole = page.text_content("#compare-result")
        assert not CODE.search(whole), CODE.search(whole)
        # 合肥's 1门 is 30 学时 in 青海; its patent has a counterpart there; 呼和浩特 has none
        qinghai = page.locator('.calc-cmp-card[data-policy="qinghai"]')
        qinghai.locator("details").evaluate("d => d.open = true")
        assert "1门按合肥市的规定计 30 学时" in qinghai.inner_text()
        hohhot = page.locator('.calc-cmp-card[data-policy="hohhot"]')
        hohhot.locator("details").evaluate("d => d.open = true")
        assert "没有与“获专利" in hohhot.inner_text()
        assert "第3项 获专利（国家发明专利；实用新型、外观设计专利）「发明专利」：" in hohhot.inner_text()  # named as the form names it
        # usable on a phone: nothing wider than the screen
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        boxes = [c.bounding_box() for c in cards.all()]
        column = page.locator("#compare-result").bounding_box()
        assert all(b["x"] >= column["x"] - 1 and b["x"] + b["width"] <= column["x"] + column["width"] + 1 for b in boxes)
        if width == 375:
            assert len({round(b["x"]) for b in boxes}) == 1  # stacked, each as wide as the screen allows
        page.locator("#compare-box").screenshot(path=str(ARTIFACTS / f"compare-calculator-{width}.png"))
        # the main result is still the scenario's own
        wait_report(page, "r.policy === 'hefei'")
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_compare_page_reads_on_a_phone_and_has_no_codes(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}compare/")
        text = page.inner_text("article")
        assert not CODE.search(text), CODE.search(text)
        assert "公需课" in text and "没有对应的类型" in text
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        if width == 375:
            # each row a block, every cell named by its region
            cell = page.locator("table.compare tbody td").first
            before = cell.evaluate("td => getComputedStyle(td, '::before').content")
            assert "合肥市" in before
        page.screenshot(path=str(ARTIFACTS / f"compare-page-{width}.png"), full_page=True)
    finally:
        context.close()
