"""The limits are defined once (calc/limits.py); the pages that state them to users must say the
same numbers (the calculator page itself reads them from calc's catalogue)."""

from __future__ import annotations

from pathlib import Path

from calc import limits

ROOT = Path(__file__).resolve().parent.parent


def test_privacy_page_states_calcs_limits() -> None:
    text = (ROOT / "docs" / "privacy.md").read_text("utf-8")
    for phrase in (
        f"最多 {limits.MAX_ACTIVITIES} 条", f"0 到 {limits.MAX_NUMBER:,}", f"{limits.YEAR_MIN}—{limits.YEAR_MAX} 年",
        f"最多 {limits.MAX_YEARS_LIST} 个", f"最多 {limits.MAX_REQUIREMENT_YEARS} 个年度", f"每项最多 {limits.MAX_TEXT:,} 字",
        f"最多 {limits.MAX_SCENARIO_BYTES // 1_000_000} MB", f"最多 {limits.MAX_DEPTH} 层", f"{limits.MAX_LINK_CHARS:,} 个字符",
        f"最近 {limits.HISTORY_STATES} 份", f"{limits.HISTORY_CHARS // 10_000} 万字",
        f"超过 {limits.LAST_RESULT_CHARS // 10_000} 万字的结果不保存",
    ):
        assert phrase in text, phrase


def test_readme_lists_every_limit() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    for name in limits.as_dict():
        assert f"`{name}" in text, name


def test_the_batch_page_states_calcs_batch_limits() -> None:
    """单位批量自查 (issue 23): the file's size, unpacked size, rows and columns, as calc enforces them."""
    text = (ROOT / "docs" / "batch" / "index.md").read_text("utf-8")
    for phrase in (
        f"最大 {limits.MAX_BATCH_BYTES // 1_000_000} MB", f"解压后最多 {limits.MAX_BATCH_UNPACKED // 1_000_000} MB",
        f"最多读取 {limits.MAX_BATCH_ROWS:,} 行", f"最多读取 {limits.MAX_BATCH_COLUMNS} 列",
    ):
        assert phrase in text, phrase
