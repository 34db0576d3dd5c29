"""The benchmark's big inputs (issue 22 item 4), run by scripts/bench.py as variants of their own:

  big-warm      500 projects of 26 years each (青海 课题, a 7.1 MB report): imported as a file into
                the open calculator, then the page reloaded with it saved
  compare-warm  10,000 activities imported, then “对比各地区” (calc lists the first MAX_ACTIVITIES
                of each region)

Each measures, with the benchmark's longtask observer, the longest main-thread task from the
import (the reload, the click) until the page is settled: the report or the comparison drawn in
full (#report and #compare-result are aria-busy while drawn in slices) and the browser idle; and
the time to it. Chromium's longtask entries leave out the frames' own work (style, layout,
paint: tasks of their own); the longest animation frame (PerformanceObserver
"long-animation-frame", script and rendering together) is recorded beside it. Both also run on
the phone profile (prefix "phone-"). Written into docs/performance.md between the `bench-big:`
markers (a run of only these variants leaves the other figures alone).
"""

from __future__ import annotations

import json
import time

KINDS = ("big", "compare")
TIMEOUT_S = 240  # 500 projects take calc a few seconds here, more when the machine is loaded

# Added to the benchmark's probe (scripts/bench.py PROBE): how often #result's data-report was
# set, and the longest animation frame (over 50 ms) since the mark.
PROBE = """
(() => {
  const probe = window.__probe;
  probe.reports = 0;
  probe.frame = 0;
  new MutationObserver(() => { probe.reports += 1; probe.reportAt = performance.now(); })
    .observe(document, { subtree: true, attributes: true, attributeFilter: ["data-report"] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.frame = Math.max(probe.frame, e.duration);
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (e) {}
})();
"""

# A file given to #import-file as a person's choice would (no Playwright script in the page: its
# own injected script is a long task of its own); the longtask record starts over here.
IMPORT = """([text, name]) => {
  const input = document.getElementById("import-file");
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: "application/json" }));
  input.files = files.files;
  const probe = window.__probe;
  probe.longest = 0; probe.tasks = 0; probe.frame = 0; probe.mark = performance.now();
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return probe.reports;
}"""

COMPARE = """() => {
  const probe = window.__probe;
  probe.longest = 0; probe.tasks = 0; probe.frame = 0; probe.mark = performance.now();
  document.getElementById("compare").click();
}"""

# Settled: nothing drawn in slices any more, and the browser idle (two idle callbacks in a row).
SETTLED = """(what) => new Promise((resolve) => {
  const idle = () => requestIdleCallback(() => requestIdleCallback(() => {
    const busy = document.querySelector("#report[aria-busy], #compare-result[aria-busy]");
    const ready = what !== "compare" || document.querySelector("#compare-result .calc-cmp-card");
    if (busy || !ready) setTimeout(idle, 50); else resolve(performance.now());
  }));
  idle();
})"""


def projects_scenario() -> dict:
    """500 projects of 26 years each (2000–2025) under 青海's rules: a 7.1 MB report."""
    years = list(range(2000, 2026))
    activity = {"kind": "project", "year": 2025, "level": "national", "role": "lead", "years": years}
    return {"version": 1, "policy": "qinghai", "activities": [dict(activity) for _ in range(500)]}


def many_scenario() -> dict:
    """10,000 activities under 合肥's rules (calc computes the first 500; compare lists as many)."""
    return {"version": 1, "policy": "hefei", "activities": [
        {"kind": "self_study", "year": 2016 + i % 10, "hours": 1, "title": f"第{i + 1}条"} for i in range(10_000)]}


def texts() -> dict:
    return {"projects": json.dumps(projects_scenario(), ensure_ascii=False),
            "many": json.dumps(many_scenario(), ensure_ascii=False)}


def poll(page, expression: str, timeout_s: float = TIMEOUT_S):
    """Poll a small expression (no Playwright script injected into the page) until it is truthy."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression} not true within {timeout_s:.0f} s")
        page.wait_for_timeout(50)


def import_file(page, text: str, name: str) -> float:
    """Import `text` as a file; the seconds from the import to the page settled with its report."""
    before = page.evaluate(IMPORT, [text, name])
    poll(page, f"() => window.__probe.reports > {before} && document.getElementById('result').dataset.status !== 'loading'")
    settled = page.evaluate(SETTLED, "report")
    return (settled - page.evaluate("() => window.__probe.mark")) / 1000


def longest(page) -> tuple[float, float]:
    """The longest task and the longest animation frame since the mark, in seconds."""
    task, frame = page.evaluate("() => [window.__probe.longest, window.__probe.frame]")
    return task / 1000, frame / 1000


def run(page, kind: str, base: str, data: dict, wait_probe) -> dict:
    """One run of a big variant in an open browser page; `wait_probe` is the benchmark's."""
    out = {}
    page.goto(f"{base}calculator/?policy=qinghai")
    wait_probe(page, "result")
    page.evaluate(SETTLED, "report")
    if kind == "big":
        out["import_settled"] = import_file(page, data["projects"], "projects.json")
        out["import_task"], out["import_frame"] = longest(page)
        out["report_chars"] = page.evaluate("() => document.getElementById('result').dataset.report.length")
        page.reload()
        wait_probe(page, "result")
        out["reload_settled"] = page.evaluate(SETTLED, "report") / 1000
        out["reload_task"], out["reload_frame"] = longest(page)
    else:
        import_file(page, data["many"], "many.json")
        page.evaluate(COMPARE)
        poll(page, "() => !document.getElementById('compare').disabled && !!document.querySelector('#compare-result .calc-cmp-card')")
        out["compare_settled"] = (page.evaluate(SETTLED, "compare") - page.evaluate("() => window.__probe.mark")) / 1000
        out["compare_task"], out["compare_frame"] = longest(page)
        out["compare_listed"] = page.evaluate("() => Math.max(...[...document.querySelectorAll('#compare-result .calc-cmp-card')]"
                                              ".map((card) => card.querySelectorAll('.calc-cmp-notes li[data-activity]').length))")
    return out


KEYS = ("import_settled", "import_task", "import_frame", "reload_settled", "reload_task", "reload_frame",
        "compare_settled", "compare_task", "compare_frame", "report_chars", "compare_listed")
MAXED = ("import_task", "import_frame", "reload_task", "reload_frame", "compare_task", "compare_frame")


def lines(variants: dict, fmt_s, fmt_task) -> list[str]:
    """The block for docs/performance.md: one row per profile and input, and the target."""
    rows, goal = [], []
    for prefix, where in (("", "本机回环"), ("phone-", "手机（处理器减速 4 倍）")):
        big, cmp = variants.get(f"{prefix}big-warm"), variants.get(f"{prefix}compare-warm")
        found = []
        if big:
            chars = big.get("report_chars")
            size = f"（报告 {chars / 1e6:.1f} M 字符）" if chars else ""
            found += [(f"导入 500 项课题×26 年{size}", big, "import"), ("保存后重新打开（同上）", big, "reload")]
        if cmp:
            found.append((f"10,000 项，对比各地区（每个地区至多列出 {cmp.get('compare_listed') or '–'} 条说明）", cmp, "compare"))
        for text, row, key in found:
            rows.append(f"| {where} | {text} | {fmt_s(row[f'{key}_settled'])} | {fmt_task(row[f'{key}_task'])} / "
                        f"{fmt_task(row[f'max_{key}_task'])} | {fmt_task(row[f'{key}_frame'])} / {fmt_task(row[f'max_{key}_frame'])} |")
            worst = row[f"max_{key}_task"]
            if worst is not None:
                goal.append(f"| {where}：{text.split('（')[0]}，没有超过 100 ms 的任务（最大） | {fmt_task(worst)} "
                            f"| {'达到' if worst <= 0.1 else '未达到'} |")
    if not rows:
        return []
    return ["| 环境 | 输入 | 到全部画完（中位） | 超过 50 ms 的最长主线程任务（中位/最大） | 超过 50 ms 的最长动画帧，含样式和布局（中位/最大） |",
            "|---|---|---|---|---|", *rows, "", "与目标对照（本次测量自动生成）：", "", "| 目标 | 测得 | 结果 |", "|---|---|---|", *goal]
