"""The calculator's start-up benchmark (issue 5). Run it with `scripts/bench` (see README).

Builds the site (timed, unless --no-build), serves it on 127.0.0.1 the way a static host does
(sitebuild/static_host.py: pre-compressed .br/.gz, immutable caching of hashed files), and drives
Debian's headless Chromium with Playwright. Variants, run interleaved so machine noise hits all
alike:

  calc-cold    the calculator opened with a share link (#s=...), fresh profile
  calc-warm    the same, reusing a profile that has visited it before (browser restarted)
  bare-cold    a bare Pyodide page built from the same runtime files (worker, loadPyodide,
               runPython("1+1")), fresh profile
  bare-warm    the same, reused profile
  normal-cold  the calculator with ?start=normal: the fall-back (no snapshot), fresh profile

Measured in each run, from navigation start: first result (calc: #result data-status=ready;
bare: Python's answer), when the form accepts input (the region select and the add button
enabled), the longest main-thread task (PerformanceObserver longtask), bytes the server sent;
and, for calc, the recalculation after an edit (input event to a new data-report). Medians and
the ratio to the bare start are printed, and written to docs/performance.md between the
`bench:` markers with the date and the machine.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitebuild.paths import SITE  # noqa: E402
from sitebuild.static_host import make_server  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PAGE = ROOT / "docs" / "performance.md"
SCENARIO = ROOT / "docs" / "examples" / "qinghai_2025.json"
TIMEOUT_MS = 120_000

# Recorded in every page before its own scripts run (no inline script: an init script).
PROBE = """
(() => {
  const probe = (window.__probe = { longest: 0, tasks: 0, result: null, form: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { probe.tasks += 1; probe.longest = Math.max(probe.longest, e.duration); }
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const check = () => {
    const r = document.getElementById("result");
    if (probe.result === null && r && ["ready", "error"].includes(r.dataset.status)) probe.result = performance.now();
    const b = document.body;
    if (probe.result === null && b && b.dataset.bare === "ready") probe.result = performance.now();
    const sel = document.getElementById("policy"), add = document.getElementById("add-activity");
    if (probe.form === null && sel && add && !sel.disabled && !add.disabled) probe.form = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, childList: true });
})();
"""

BARE_HTML = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>bare Pyodide</title>
<script type="module" src="bare.js"></script></head><body data-bare="loading"><p>bare Pyodide start</p></body></html>
"""
BARE_JS = """const w = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
w.onmessage = (e) => { document.body.dataset.answer = e.data; document.body.dataset.bare = "ready"; };
"""
BARE_WORKER = """import {{ loadPyodide }} from "../../pyodide/{rt}/pyodide.mjs";
const base = new URL("../../pyodide/", import.meta.url).href;
const pyodide = await loadPyodide({{ indexURL: `${{base}}{rt}/`, lockFileURL: `${{base}}pyodide-lock.json`, packageBaseUrl: base }});
self.postMessage(String(pyodide.runPython("1+1")));
"""


def share_link() -> str:
    data = base64.urlsafe_b64encode(SCENARIO.read_text("utf-8").encode()).decode().rstrip("=")
    return f"calculator/#s={data}"


def overlay(tmp: Path) -> Path:
    """site/ plus __bench__/bare/, without writing into site/."""
    root = tmp / "root"
    root.mkdir()
    for entry in SITE.iterdir():
        (root / entry.name).symlink_to(entry)
    (runtime,) = [p.name for p in (SITE / "pyodide").iterdir() if p.is_dir()]
    bare = root / "__bench__" / "bare"
    bare.mkdir(parents=True)
    (bare / "index.html").write_text(BARE_HTML, "utf-8")
    (bare / "bare.js").write_text(BARE_JS, "utf-8")
    (bare / "worker.js").write_text(BARE_WORKER.format(rt=runtime), "utf-8")
    return root


def run_once(p, server, url: str, profile: Path, calc: bool) -> dict:
    ctx = p.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, viewport={"width": 1280, "height": 900})
    try:
        ctx.add_init_script(PROBE)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        server.reset_count()
        page.goto(url)
        out = {"first_result": wait_probe(page, "result") / 1000}
        if calc:
            if page.get_attribute("#result", "data-status") != "ready":
                raise RuntimeError(f"calculator not ready: {page.get_attribute('#result', 'data-status')}")
            out["form_usable"] = wait_probe(page, "form") / 1000
            mark = page.evaluate(
                "(({startTime, detail}) => ({startTime, detail}))(performance.getEntriesByName('calc-engine-ready')[0]"
                " || {startTime: null, detail: {}})")
            out["start"] = mark["detail"].get("start")
            if mark["startTime"] is not None and mark["detail"].get("ms") is not None:
                out["worker_created"] = (mark["startTime"] - mark["detail"]["ms"]) / 1000
                out["worker_start"] = mark["detail"]["ms"] / 1000
            if os.environ.get("BENCH_PHASES"):
                print("   phases", mark["detail"].get("phases"), flush=True)
            out["recalc"] = recalc(page)
        page.wait_for_timeout(300)  # a task that ends after the result is counted too
        out["longest_task"] = page.evaluate("window.__probe.longest") / 1000
        out["bytes"] = server.bytes_sent
        return out
    finally:
        ctx.close()


def wait_probe(page, key: str) -> float:
    """Poll window.__probe[key] until it is set. Not page.wait_for_function: that injects
    Playwright's own script into the page, itself a main-thread task of about 0.1 s here, which
    would be measured as the page's."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        value = page.evaluate(f"() => window.__probe ? window.__probe.{key} : null")
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"window.__probe.{key} not set within {TIMEOUT_MS} ms")
        page.wait_for_timeout(50)


def recalc(page) -> float:
    """An edit as a user makes it (a number field of the first activity, +1), to the new report."""
    return page.evaluate("""() => new Promise((resolve, reject) => {
      const result = document.getElementById("result");
      const field = document.querySelector("#activity-list input[type=number]");
      if (!field) return reject(new Error("no number field in the activity list"));
      const before = result.dataset.report;
      const obs = new MutationObserver(() => {
        if (result.dataset.report !== before) { obs.disconnect(); resolve((performance.now() - t0) / 1000); }
      });
      obs.observe(result, { attributes: true });
      const t0 = performance.now();
      field.value = String(Number(field.value || 0) + 1);
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
      setTimeout(() => reject(new Error("no new report within 10 s")), 10000);
    })""")


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() or "chromium ?"
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, {version}, {chinese_font()}"


def chinese_font() -> str:
    """The Chinese font the browser draws with: layout times depend on it (none: every character
    is a box, found by a failed font search)."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}", "sans-serif:lang=zh-cn"], capture_output=True, text=True).stdout
        covers = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "Chinese font unknown"
    return f"Chinese font {out.split(',')[0]}" if covers else "no Chinese font"


def build() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "build.py"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description="the calculator's start-up benchmark")
    parser.add_argument("--runs", type=int, default=5, help="runs of each variant (default 5)")
    parser.add_argument("--no-build", action="store_true", help="use site/ as it is (no build time then)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write the figures into {PAGE.relative_to(ROOT)}")
    parser.add_argument("--variants", default="calc-cold,bare-cold,calc-warm,bare-warm,normal-cold")
    args = parser.parse_args()

    build_s = None if args.no_build else build()
    if not (SITE / "calculator" / "index.html").exists():
        raise SystemExit("site/ is not built: run python build.py (or drop --no-build)")
    from playwright.sync_api import sync_playwright

    variants = args.variants.split(",")
    results: dict[str, list[dict]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        server = make_server(overlay(tmp))
        import threading

        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        urls = {"calc": base + share_link(), "bare": base + "__bench__/bare/",
                "normal": base + share_link().replace("calculator/#", "calculator/?start=normal#")}
        warm_profiles = {}
        with sync_playwright() as p:
            for v in variants:  # the visit that makes the warm profiles warm (not counted)
                kind, temp = v.split("-")
                if temp == "warm":
                    warm_profiles[v] = tmp / f"profile-{v}"
                    run_once(p, server, urls[kind], warm_profiles[v], kind != "bare")
            for i in range(args.runs):
                for v in variants:
                    kind, temp = v.split("-")
                    profile = warm_profiles.get(v) or tmp / f"profile-{v}-{i}"
                    r = run_once(p, server, urls[kind], profile, kind != "bare")
                    results[v].append(r)
                    if temp == "cold":
                        shutil.rmtree(profile, ignore_errors=True)
                    print(f"run {i + 1}/{args.runs} {v:12s} " + " ".join(
                        f"{k}={val:.3f}" if isinstance(val, float) else f"{k}={val}" for k, val in r.items()), flush=True)
        server.shutdown()

    summary = summarize(results, build_s)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if not args.no_write:
        write_page(summary)
        print(f"figures written to {PAGE.relative_to(ROOT)}")
    return 0


def med(rows: list[dict], key: str):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def summarize(results: dict[str, list[dict]], build_s: float | None) -> dict:
    out = {"date": datetime.date.today().isoformat(), "machine": machine(), "build_seconds": build_s,
           "runs": min(len(r) for r in results.values()), "variants": {}}
    for v, rows in results.items():
        out["variants"][v] = {k: med(rows, k) for k in ("first_result", "form_usable", "recalc", "longest_task", "bytes", "worker_created", "worker_start")}
        out["variants"][v]["max_longest_task"] = max((r["longest_task"] for r in rows), default=None)
        starts = sorted({r.get("start") for r in rows if r.get("start")})
        if starts:
            out["variants"][v]["start"] = ",".join(starts)
    var = out["variants"]
    for temp in ("cold", "warm"):
        c, b = var.get(f"calc-{temp}"), var.get(f"bare-{temp}")
        if c and b and b["first_result"]:
            c["ratio_to_bare"] = c["first_result"] / b["first_result"]
    return out


def fmt_s(x):
    return "–" if x is None else f"{x:.2f} s"


def fmt_ms(x):
    return "–" if x is None else f"{x * 1000:.0f} ms"


def fmt_task(x):
    """The Long Tasks API reports only tasks over 50 ms: none is "无" (none over 50 ms)."""
    if x is None:
        return "–"
    return "无" if x == 0 else fmt_ms(x)


def fmt_mb(x):
    if x is None:
        return "–"
    return f"{x / 1e3:.1f} kB" if x < 100_000 else f"{x / 1e6:.2f} MB"


def write_page(s: dict) -> None:
    v = s["variants"]
    names = {"calc-cold": "计算器（分享链接），首次访问", "calc-warm": "计算器（分享链接），再次访问",
             "bare-cold": "空白 Pyodide 页面，首次访问", "bare-warm": "空白 Pyodide 页面，再次访问",
             "normal-cold": "计算器，不用快照（回退路径），首次访问"}
    lines = [
        f"测量日期：{s['date']}；机器：{s['machine']}；每项 {s['runs']} 次交替运行的中位数。"
        + (f"网站构建用时 {s['build_seconds']:.0f} 秒。" if s["build_seconds"] else ""),
        "",
        "| 情形 | 首个结果 | 与空白 Pyodide 之比 | 表单可用 | 改动后重算 | 超过 50 ms 的最长主线程任务（中位/最大） | 传输字节 |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, row in v.items():
        ratio = row.get("ratio_to_bare")
        lines.append(
            f"| {names.get(key, key)} | {fmt_s(row['first_result'])} | {'–' if ratio is None else f'{ratio:.2f}'} "
            f"| {fmt_s(row['form_usable'])} | {fmt_ms(row['recalc'])} "
            f"| {fmt_task(row['longest_task'])} / {fmt_task(row['max_longest_task'])} | {fmt_mb(row['bytes'])} |")
    block = "\n".join(lines)
    text = PAGE.read_text("utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    PAGE.write_text(f"{head}{start}\n{block}\n{end}{tail}", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
