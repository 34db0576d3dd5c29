"""The calculator's start-up benchmark (issues 5 and 14). Run it with `scripts/bench` (see README).

Builds the site (timed, unless --no-build), serves it on 127.0.0.1 the way a static host does
(sitebuild/static_host.py: pre-compressed .br/.gz, immutable caching of hashed files), and drives
Debian's headless Chromium with Playwright. Variants, run interleaved so machine noise hits all
alike:

  calc-cold    the calculator opened with a share link (#s=...), fresh profile
  calc-warm    the same, reusing a profile that has visited it before (browser restarted)
  bare-cold    a bare Pyodide page built from the same runtime files (a module worker,
               loadPyodide, runPython("1+1")), fresh profile
  bare-warm    the same, reused profile
  normal-cold  the calculator with ?start=normal: the fall-back (no snapshot), fresh profile
  return-warm  a returning visitor: the calculator with the work autosaved on the last visit (no
               link), reused profile: when the last saved result shows (#result
               data-status="stale"), and when the fresh one replaces it
  region-cold  a first visit that reads a region page first: the page fetches the runtime and the
               snapshot at idle time (calculator/prefetch.js); then the calculator is opened from
               the page's link (calculator/?policy=qinghai), timed from that navigation
  heavy-warm   the largest scenario the limits allow (500 activities) opened by a share link
               (issue 15): its longest main-thread task; and edits to the verdict (issue 21)
  guide-warm   a record like the guide's (six years of the year grid and five cards, a 青海 title
               application) opened by a share link: edits to the verdict (issue 21)
  batch-warm   the 单位批量自查 page (issue 23), reused profile: once its Python is ready, a unit
               of 2,000 staff (six years each and a few other activities, an .xlsx made by
               tests/unit_staff.py) is chosen: the time to read it, to the whole result, and the
               longest main-thread task meanwhile; also the page's start (to Python ready)
  batch-cold   the same with a fresh profile (the runtime and openpyxl downloaded first)
  big-warm, compare-warm
               big inputs (issue 22): 500 projects × 26 years imported, then reloaded; 10,000
               activities compared across regions (scripts/bench_big_inputs.py); not in the
               default set: `--variants big-warm,compare-warm,phone-big-warm,phone-compare-warm`,
               written between the `bench-big:` markers

Any variant prefixed "phone-" runs on the phone profile: DevTools' "4G" network conditions
(CDP Network.emulateNetworkConditions: 4 Mbps down, 3 Mbps up, 20 ms) and a 4x slower processor
(Emulation.setCPUThrottlingRate 4) on the page, brotli served. The network conditions hold for
the page's workers too; the CPU throttle only for the page's main thread (see Browser).

Measured in each run, from navigation start: first result (calc: #result data-status=ready;
bare: Python's answer), when the form accepts input, the longest main-thread task
(PerformanceObserver longtask), bytes the server sent until the first result and in the whole
run; and, for calc, the recalculation after an edit. Medians and the ratio to the bare start are
printed, and written to docs/performance.md between the `bench:` markers with the date, the
machine and its load (the batch variants' between the `bench-batch:` markers, so that either can
be measured alone).

Edit to verdict (guide and heavy, issue 21 point 8): EDITS edits of one number as a person makes
them (an input event), each timed from the edit to the next frame after the new verdict is drawn
(#result data-status back to ready with a new report: the answer, its badges and next step are
drawn in the same task); medians and the slowest of all runs, written between the `bench-edit:`
markers (only when those variants ran, so a start-up run and an edit run can be made apart).
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitebuild.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from sitebuild.paths import SITE  # noqa: E402
from sitebuild.static_host import make_server  # noqa: E402
from sitebuild.warmup import heavy_scenario  # noqa: E402
from calc import catalogue, evaluate  # noqa: E402
from tests import unit_staff  # noqa: E402  (the batch variants' unit, as the page's tests make it)

import bench_big_inputs as big_inputs  # noqa: E402  (scripts/, beside this file)

PAGE = ROOT / "docs" / "performance.md"
SCENARIO = ROOT / "docs" / "examples" / "qinghai_2025.json"
REGION = "qinghai"
TIMEOUT_MS = 180_000
STAFF = 2_000  # the batch variants' unit (issue 23: 2,000 staff with six years each)
# DevTools' "4G" preset and a 4x slower processor (the phone profile of issue 14).
PHONE = {"latency": 20, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 3_000_000 / 8, "cpu": 4}
THROTTLE = [
    ("Network.enable", {}),
    ("Network.emulateNetworkConditions", {"offline": False, "latency": PHONE["latency"],
                                          "downloadThroughput": PHONE["downloadThroughput"], "uploadThroughput": PHONE["uploadThroughput"]}),
    ("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]}),
]
EDITS = 5  # edits per run of the guide and heavy variants


def guide_record() -> dict:
    """A record like the guide's (docs/calculator/guide.md): a 青海 副高 review in 2025 under the
    general rules, six years of the year grid (2020-2025) and five cards."""
    cells = catalogue(REGION)["grid"]
    grid = [{"kind": cells[c]["kind"], "year": year, "hours": hours}
            for year, public, professional in [(2020, 30, 60), (2021, 45, 90), (2022, 30, 60), (2023, 30, 60),
                                               (2024, 30, 60), (2025, 30, 40)]
            for c, hours in (("public", public), ("professional", professional))]
    cards = [{"kind": "paper", "year": 2025, "authorship": "sole"}, {"kind": "academic_event", "year": 2024, "hours": 8},
             {"kind": "training", "year": 2023, "days": 3}, {"kind": "mentoring", "year": 2022, "days": 5},
             {"kind": "lecture", "year": 2021, "hours": 4}]
    return {"version": 1, "policy": REGION, "person": {"industry": "general", "tenure_start": 2015},
            "activities": grid + cards, "target": {"type": "review", "level": "senior", "year": 2025}}


def counted_hours_field(scenario: dict) -> str:
    """The hours of the first card (of those drawn at once) that counts: an edit of it changes the
    report (the heavy record's first entries are of kinds their years do not have)."""
    report = evaluate(scenario, datetime.date.today())
    refused = {e["activity"] for e in report["errors"]}
    index = next(i for i, a in enumerate(scenario["activities"][:50]) if i not in refused and "hours" in a)
    return f'#activity-list > [data-activity="{index}"] input[name=hours]'


# The number each edit changes: the guide's 2025 专业 cell of the year grid; the heavy record's
# first hours that count.
EDIT_FIELD = {
    "guide": '#year-grid li.calc-grid-row[data-year="2025"] input[name=professional]',
    "heavy": counted_hours_field(heavy_scenario()),
}

DEFAULT_VARIANTS = ("calc-cold,bare-cold,calc-warm,bare-warm,normal-cold,return-warm,heavy-warm,guide-warm,"
                    "phone-calc-cold,phone-bare-cold,phone-calc-warm,phone-bare-warm,phone-region-cold,phone-return-warm,"
                    "phone-guide-warm,phone-heavy-warm,batch-warm")
EDIT_VARIANTS = "guide-warm,heavy-warm,phone-guide-warm,phone-heavy-warm"  # --variants for the edit figures alone
BIG_VARIANTS = "big-warm,compare-warm,phone-big-warm,phone-compare-warm"  # --variants for the big inputs (issue 22)

# Recorded in every page before its own scripts run (no inline script: an init script).
PROBE = """
(() => {
  const probe = (window.__probe = { longest: 0, tasks: 0, result: null, stale: null, form: null, batch: {}, batchReady: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { probe.tasks += 1; probe.longest = Math.max(probe.longest, e.duration); }
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const check = () => {
    const r = document.getElementById("result");
    if (probe.stale === null && r && r.dataset.status === "stale") probe.stale = performance.now();
    if (probe.result === null && r && ["ready", "error"].includes(r.dataset.status)) probe.result = performance.now();
    const b = document.body;
    if (probe.result === null && b && b.dataset.bare === "ready") probe.result = performance.now();
    const sel = document.getElementById("policy"), add = document.getElementById("add-activity");
    if (probe.form === null && sel && add && !sel.disabled && !add.disabled) probe.form = performance.now();
    const batch = document.getElementById("batch"); // the batch page: when Python is ready, when each status began
    if (batch && probe.batchReady === null && batch.dataset.engine === "ready") probe.batchReady = performance.now();
    if (batch && probe.batch[batch.dataset.status] === undefined) probe.batch[batch.dataset.status] = performance.now();
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


def share_link(scenario_text: str) -> str:
    data = base64.urlsafe_b64encode(scenario_text.encode()).decode().rstrip("=")
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


class Browser:
    """One Chromium with a profile directory and the probe; for the phone profile, the network
    conditions and the CPU throttle are set on the page. The network conditions hold for the
    page's workers too (their requests are the page's); the CPU throttle does not: Chromium
    throttles only a page's main thread ("Operation is only supported for pages, not workers",
    measured: a worker's loop ran as fast as without it). So Python itself, in the worker, runs at
    this machine's speed on both sides of the comparison."""

    def __init__(self, p, profile: Path, phone: bool):
        self.ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900})
        self.ctx.add_init_script(PROBE + big_inputs.PROBE)
        self.page = self.ctx.pages[0] if self.ctx.pages else self.ctx.new_page()
        if phone:
            cdp = self.ctx.new_cdp_session(self.page)
            for method, params in THROTTLE:
                cdp.send(method, params)

    def close(self):
        self.ctx.close()


def wait_probe(page, key: str, timeout_s: float = TIMEOUT_MS / 1000) -> float:
    """Poll window.__probe[key] until it is set. Not page.wait_for_function: that injects
    Playwright's own script into the page, itself a main-thread task of about 0.1 s here, which
    would be measured as the page's."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(f"() => window.__probe ? window.__probe.{key} : null")
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"window.__probe.{key} not set within {timeout_s:.0f} s")
        page.wait_for_timeout(50)


def run_once(p, server, base: str, variant: str, profile: Path, texts: dict) -> dict:
    phone = variant.startswith("phone-")
    kind = variant.removeprefix("phone-").split("-")[0]
    browser = Browser(p, profile, phone)
    page = browser.page
    out = {}
    try:
        if kind == "region":
            page.goto(f"{base}regions/{REGION}/")
            started = time.monotonic()
            state = wait_attr(page, "prefetch", ("done", "skipped", "failed"))
            out["prefetch"] = time.monotonic() - started
            out["prefetch_state"] = state
            out["prefetch_bytes"] = server.bytes_sent
            page.wait_for_timeout(500)
        server.reset_count()
        if kind in big_inputs.KINDS:
            return {**out, **big_inputs.run(page, kind, base, texts, wait_probe)}
        url = {
            "calc": base + share_link(texts["scenario"]),
            "bare": base + "__bench__/bare/",
            "normal": base + share_link(texts["scenario"]).replace("calculator/#", "calculator/?start=normal#"),
            "return": base + "calculator/",
            "region": f"{base}calculator/?policy={REGION}",
            "heavy": base + share_link(texts["heavy"]),
            "guide": base + share_link(texts["guide"]),
            "batch": base + "batch/",
        }[kind]
        if kind == "batch":
            return {**out, **run_batch(page, base, texts["staff"])}
        page.goto(url)
        out["first_result"] = wait_probe(page, "result") / 1000
        out["bytes_to_result"] = server.bytes_sent
        if kind != "bare":
            status = page.get_attribute("#result", "data-status")
            if status != "ready":
                raise RuntimeError(f"calculator not ready: {status}: {page.text_content('#result-error')}")
            out["form_usable"] = wait_probe(page, "form") / 1000
            stale = page.evaluate("() => window.__probe.stale")
            if kind == "return":
                out["last_result"] = None if stale is None else stale / 1000
            mark = page.evaluate(
                "(({startTime, detail}) => ({startTime, detail}))(performance.getEntriesByName('calc-engine-ready')[0]"
                " || {startTime: null, detail: {}})")
            out["start"] = mark["detail"].get("start")
            if mark["startTime"] is not None and mark["detail"].get("ms") is not None:
                out["worker_start"] = mark["detail"]["ms"] / 1000
            if os.environ.get("BENCH_PHASES"):
                print("   phases", mark["detail"].get("phases"), flush=True)
            if kind in ("calc", "normal"):
                out["recalc"] = recalc(page)
            if kind in EDIT_FIELD:
                page.wait_for_timeout(500)  # the drawing after the first result settles
                times = []
                for _ in range(EDITS):
                    times.append(edit_to_verdict(page, EDIT_FIELD[kind]))
                    page.wait_for_timeout(200)  # a person's pause between edits
                out["edit_verdict"] = statistics.median(times)
                out["edit_verdict_max"] = max(times)
        page.wait_for_timeout(300)  # a task that ends after the result is counted too
        out["longest_task"] = page.evaluate("window.__probe.longest") / 1000
        out["bytes"] = server.bytes_sent
        if variant == "phone-calc-cold":
            out["requests"] = sorted(server.requests, key=lambda r: -r[1])[:8]
        return out
    finally:
        browser.close()


def run_batch(page, base: str, staff_file: Path) -> dict:
    """The batch page: Python ready, then the unit's file chosen; times from the page's own clock
    (the probe notes when #batch's status changes), the longest main-thread task from the choice
    to the whole result."""
    page.goto(base + "batch/")
    ready = wait_probe(page, "batchReady") / 1000
    page.evaluate("() => { window.__probe.longest = 0; window.__probe.tasks = 0; }")
    page.set_input_files("#batch-file", str(staff_file))
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not (marks := page.evaluate("() => window.__probe.batch")).keys() & {"done", "refused", "error"}:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the batch page did not finish within {TIMEOUT_MS / 1000:.0f} s: {marks}")
        page.wait_for_timeout(100)
    if "done" not in marks:
        raise RuntimeError(f"batch page: {page.text_content('#batch-message')}")
    page.wait_for_timeout(300)  # a task that ends after the result is counted too
    return {"batch_ready": ready, "batch_read": (marks["checking"] - marks["reading"]) / 1000,
            "batch_total": (marks["done"] - marks["reading"]) / 1000, "longest_task": page.evaluate("window.__probe.longest") / 1000,
            "batch_people": page.evaluate("() => document.getElementById('batch-summary').textContent")}


def wait_attr(page, name: str, values: tuple, timeout_s: float = TIMEOUT_MS / 1000) -> str:
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(f"() => document.documentElement.dataset.{name} || null")
        if value in values:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"<html data-{name}> not one of {values} within {timeout_s:.0f} s (it is {value})")
        page.wait_for_timeout(100)


def recalc(page) -> float:
    """An edit as a user makes it (a number field of the first activity, +1), to the new report."""
    return page.evaluate("""() => new Promise((resolve, reject) => {
      const result = document.getElementById("result");
      // the first number of the first activity (numbers are text inputs with an inputmode)
      const field = document.querySelector("#activity-list input[inputmode]:not([name=year])");
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
      setTimeout(() => reject(new Error("no new report within 30 s")), 30000);
    })""")


def edit_to_verdict(page, selector: str) -> float:
    """One edit of a number (+1), as a person makes it, to the next frame after the new verdict
    is drawn: #result back to data-status=ready with another report."""
    return page.evaluate("""(selector) => new Promise((resolve, reject) => {
      const result = document.getElementById("result");
      const field = document.querySelector(selector);
      if (!field) return reject(new Error(`no field ${selector}`));
      const before = result.dataset.report;
      const obs = new MutationObserver(() => {
        if (result.dataset.status !== "ready" || result.dataset.report === before) return;
        obs.disconnect();
        requestAnimationFrame(() => resolve((performance.now() - t0) / 1000));
      });
      obs.observe(result, { attributes: true });
      const t0 = performance.now();
      field.value = String(Number(field.value || 0) + 1);
      field.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(() => reject(new Error("no new verdict within 30 s")), 30000);
    })""", selector)


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


def load() -> float:
    return os.getloadavg()[0]


def build() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "build.py"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description="the calculator's start-up benchmark")
    parser.add_argument("--runs", type=int, default=5, help="runs of each variant (default 5)")
    parser.add_argument("--no-build", action="store_true", help="use site/ as it is (no build time then)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write the figures into {PAGE.relative_to(ROOT)}")
    parser.add_argument("--variants", default=DEFAULT_VARIANTS)
    args = parser.parse_args()

    build_s = None if args.no_build else build()
    if not (SITE / "calculator" / "index.html").exists():
        raise SystemExit("site/ is not built: run python build.py (or drop --no-build)")
    from playwright.sync_api import sync_playwright

    variants = args.variants.split(",")
    texts = {"scenario": SCENARIO.read_text("utf-8"), "heavy": json.dumps(heavy_scenario(), ensure_ascii=False),
             "guide": json.dumps(guide_record(), ensure_ascii=False), **big_inputs.texts()}
    results: dict[str, list[dict]] = {v: [] for v in variants}
    loads = [load()]
    print(f"load average before: {loads[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        texts["staff"] = tmp / "单位人员.xlsx"
        texts["staff"].write_bytes(unit_staff.xlsx(unit_staff.staff(STAFF, years=6)))
        server = make_server(overlay(tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        warm_profiles = {}
        with sync_playwright() as p:
            for v in variants:  # the visit that makes the warm profiles warm (not counted)
                if v.endswith("-warm"):
                    warm_profiles[v] = tmp / f"profile-{v}"
                    first = v.replace("return-", "calc-").replace("heavy-", "calc-").replace("guide-", "calc-")  # batch-warm: batch-cold
                    first = first.replace("big-", "calc-").replace("compare-", "calc-")
                    run_once(p, server, base, first.replace("-warm", "-cold"), warm_profiles[v], texts)
            for i in range(args.runs):
                for v in variants:
                    profile = warm_profiles.get(v) or tmp / f"profile-{v}-{i}"
                    loads.append(load())
                    r = run_once(p, server, base, v, profile, texts)
                    results[v].append(r)
                    if v.endswith("-cold"):
                        shutil.rmtree(profile, ignore_errors=True)
                    print(f"run {i + 1}/{args.runs} {v:18s} load={loads[-1]:.1f} " + " ".join(
                        f"{k}={val:.3f}" if isinstance(val, float) else f"{k}={val}" for k, val in r.items() if k != "requests"),
                        flush=True)
        server.shutdown()
    loads.append(load())

    summary = summarize(results, build_s, loads)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if not args.no_write:
        write_page(summary)
        print(f"figures written to {PAGE.relative_to(ROOT)}")
    return 0


def med(rows: list[dict], key: str):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(vals) if vals else None


KEYS = ("first_result", "last_result", "form_usable", "recalc", "longest_task", "bytes", "bytes_to_result",
        "worker_start", "prefetch", "prefetch_bytes", "edit_verdict",
        "batch_ready", "batch_read", "batch_total", *big_inputs.KEYS)


def summarize(results: dict[str, list[dict]], build_s: float | None, loads: list[float]) -> dict:
    out = {"date": datetime.date.today().isoformat(), "machine": machine(), "build_seconds": build_s,
           "runs": min(len(r) for r in results.values()), "load": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
           "variants": {}}
    for v, rows in results.items():
        row = out["variants"][v] = {k: med(rows, k) for k in KEYS}
        row["max_longest_task"] = max((r["longest_task"] for r in rows if r.get("longest_task") is not None), default=None)
        for key in big_inputs.MAXED:
            row[f"max_{key}"] = max((r[key] for r in rows if r.get(key) is not None), default=None)
        row["max_first_result"] = max((r.get("first_result") for r in rows if r.get("first_result") is not None), default=None)
        row["max_edit_verdict"] = max((r["edit_verdict_max"] for r in rows if r.get("edit_verdict_max") is not None), default=None)
        row["max_batch_total"] = max((r["batch_total"] for r in rows if r.get("batch_total") is not None), default=None)
        if rows and rows[0].get("batch_people"):
            row["batch_people"] = rows[0]["batch_people"]
        starts = sorted({r.get("start") for r in rows if r.get("start")})
        if starts:
            row["start"] = ",".join(starts)
        states = sorted({r.get("prefetch_state") for r in rows if r.get("prefetch_state")})
        if states:
            row["prefetch_state"] = ",".join(states)
        if rows and rows[0].get("requests"):
            row["requests"] = rows[0]["requests"]
    var = out["variants"]
    for phone in ("", "phone-"):
        for temp in ("cold", "warm"):
            c, b = var.get(f"{phone}calc-{temp}"), var.get(f"{phone}bare-{temp}")
            if not (c and b):
                continue
            if b["first_result"]:
                c["ratio_to_bare"] = c["first_result"] / b["first_result"]
            if b["bytes_to_result"] and temp == "cold":
                c["bytes_ratio"] = c["bytes_to_result"] / b["bytes_to_result"]
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


def fmt_ratio(x):
    return "–" if x is None else f"{x:.2f}"


NAMES = {
    "calc-cold": "计算器（分享链接），首次访问", "calc-warm": "计算器（分享链接），再次访问",
    "bare-cold": "空白 Pyodide 页面，首次访问", "bare-warm": "空白 Pyodide 页面，再次访问",
    "normal-cold": "计算器，不用快照（回退路径），首次访问",
    "return-warm": "回访：打开计算器（自动保存的内容）",
    "region-cold": "先读地区页，再打开计算器（首次访问）",
    "heavy-warm": "500 项的情景（分享链接），再次访问",
    "guide-warm": "像使用说明那样的记录（6 个年度、5 项成果），再次访问",
    "batch-warm": "单位批量自查，再次访问", "batch-cold": "单位批量自查，首次访问",
}


def name(v: str) -> str:
    return NAMES.get(v.removeprefix("phone-"), v)


def is_batch(variant: str) -> bool:
    return variant.removeprefix("phone-").startswith("batch-")


def is_big(variant: str) -> bool:
    return variant.removeprefix("phone-").split("-")[0] in big_inputs.KINDS


def table(s: dict, phone: bool) -> list[str]:
    v = {k: row for k, row in s["variants"].items() if k.startswith("phone-") == phone and not is_batch(k) and not is_big(k)}
    if not v:
        return []
    lines = [
        "| 情形 | 首个结果 | 与空白 Pyodide 之比 | 上次结果显示 | 表单可用 | 改动后重算 | 超过 50 ms 的最长主线程任务（中位/最大） | 传输字节（到首个结果） |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, row in v.items():
        extra = ""
        if row.get("bytes_ratio") is not None:
            extra = f"（空白的 {row['bytes_ratio']:.2f} 倍）"
        lines.append(
            f"| {name(key)} | {fmt_s(row['first_result'])} | {fmt_ratio(row.get('ratio_to_bare'))} | {fmt_s(row['last_result'])} "
            f"| {fmt_s(row['form_usable'])} | {fmt_ms(row['recalc'])} "
            f"| {fmt_task(row['longest_task'])} / {fmt_task(row['max_longest_task'])} | {fmt_mb(row['bytes_to_result'])}{extra} |")
    return lines


def targets(s: dict) -> list[str]:
    v = s["variants"]

    def get(variant, key):
        return (v.get(variant) or {}).get(key)

    rows = []

    def target(text, value, shown, limit):
        if value is None:
            return
        met = value <= limit
        rows.append(f"| {text} | {shown} | {'达到' if met else f'未达到（差 {shown_over(value, limit)}）'} |")

    def shown_over(value, limit):
        return f"{(value / limit - 1) * 100:.0f}%"

    r = get("phone-calc-cold", "ratio_to_bare")
    target("手机：首次访问的首个结果 ≤ 空白启动的 0.55", r, fmt_ratio(r), 0.55)
    r = get("phone-calc-cold", "bytes_ratio")
    target("首次访问的传输字节 ≤ 空白启动的 0.75", r, f"{fmt_ratio(r)}（{fmt_mb(get('phone-calc-cold', 'bytes_to_result'))} 对 "
           f"{fmt_mb(get('phone-bare-cold', 'bytes_to_result'))}）", 0.75)
    for prefix, where in (("phone-", "手机"), ("", "电脑")):
        x = get(f"{prefix}return-warm", "last_result")
        target(f"{where}：回访时 0.3 秒内显示上次的结果", x, fmt_s(x), 0.3)
    x = get("phone-region-cold", "first_result")
    target("手机：先读地区页，打开计算器后 1 秒内出首个结果", x, fmt_s(x), 1.0)
    r = get("calc-cold", "ratio_to_bare")
    target("电脑：首次访问的首个结果 ≤ 空白启动的 0.5", r, fmt_ratio(r), 0.5)
    r = get("calc-warm", "ratio_to_bare")
    target("电脑：再次访问的首个结果 ≤ 空白启动的 0.5", r, fmt_ratio(r), 0.5)
    if not rows:
        return []
    return ["| 目标 | 测得（中位数） | 结果 |", "|---|---|---|", *rows]


EDIT_TARGETS = {"guide": 0.3, "heavy": 1.0}  # issue 21 point 8, on the phone profile


def edit_lines(s: dict, load_text: str) -> list[str]:
    """The edit-to-verdict figures (guide and heavy variants), with the targets on the phone profile."""
    rows = [(k, row) for k, row in s["variants"].items() if row.get("edit_verdict") is not None]
    if not rows:
        return []
    lines = [
        f"测量日期：{s['date']}；机器：{s['machine']}；每项 {s['runs']} 次运行、每次 {EDITS} 次改动；{load_text}。",
        "",
        "| 情形 | 手机情形 | 改动到回答更新（中位） | 最慢的一次 | 目标 | 结果 |",
        "|---|---|---|---|---|---|",
    ]
    for key, row in rows:
        phone = key.startswith("phone-")
        limit = EDIT_TARGETS.get(key.removeprefix("phone-").split("-")[0])
        goal = f"≤ {limit:g} 秒" if phone and limit else "–"
        met = "–" if goal == "–" else ("达到" if row["edit_verdict"] <= limit else "未达到")
        lines.append(f"| {name(key)} | {'是' if phone else '否'} | {fmt_ms(row['edit_verdict'])} | {fmt_ms(row['max_edit_verdict'])} "
                     f"| {goal} | {met} |")
    return lines


def measured(s: dict) -> str:
    load_text = f"负载（1 分钟平均，运行前后及每次运行前）：最低 {s['load']['min']:.1f}，中位 {s['load']['median']:.1f}，最高 {s['load']['max']:.1f}"
    return (f"测量日期：{s['date']}；机器：{s['machine']}；每项 {s['runs']} 次交替运行的中位数；{load_text}。"
            + (f"网站构建用时 {s['build_seconds']:.0f} 秒。" if s["build_seconds"] else ""))


def batch_lines(s: dict) -> list[str]:
    """The batch variants (issue 23): a table, and the target."""
    v = {k: row for k, row in s["variants"].items() if is_batch(k)}
    if not v:
        return []
    lines = [measured(s), "", f"**单位批量自查**（电脑，本机回环不限速）：{STAFF:,} 人、每人 6 个年度的公需和专业学时，另有成果若干（.xlsx），"
             "在计算程序就绪后选择文件：", "",
             "| 情形 | 计算程序就绪（打开页面起） | 读取文件 | 全部结果（选择文件起，中位/最大） | 超过 50 ms 的最长主线程任务（中位/最大） |",
             "|---|---|---|---|---|"]
    for key, row in v.items():
        lines.append(f"| {name(key)} | {fmt_s(row['batch_ready'])} | {fmt_s(row['batch_read'])} "
                     f"| {fmt_s(row['batch_total'])} / {fmt_s(row['max_batch_total'])} "
                     f"| {fmt_task(row['longest_task'])} / {fmt_task(row['max_longest_task'])} |")
    first = next(iter(v.values()))
    if first.get("batch_people"):
        lines += ["", f"结果：{first['batch_people']}"]
    rows = []
    for key, row in v.items():
        for text, value, limit, shown in ((f"{name(key)}：{STAFF:,} 人全部结果 ≤ 20 s（最大）", row["max_batch_total"], 20, fmt_s),
                                           (f"{name(key)}：没有超过 100 ms 的主线程任务（最大）", row["max_longest_task"], 0.1, fmt_task)):
            if value is not None:
                rows.append(f"| {text} | {shown(value)} | {'达到' if value <= limit else '未达到'} |")
    return lines + ["", "与目标对照（本次测量自动生成）：", "", "| 目标 | 测得 | 结果 |", "|---|---|---|", *rows]


def write_block(marker: str, lines: list[str]) -> None:
    """`lines` between docs/performance.md's markers <!-- marker:start --> and <!-- marker:end -->."""
    block = "\n".join(lines).rstrip()
    text = PAGE.read_text("utf-8")
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"{PAGE.relative_to(ROOT)} has no {start} … {end} block")
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    PAGE.write_text(f"{head}{start}\n{block}\n{end}{tail}", "utf-8")


def write_page(s: dict) -> None:
    load_text = f"负载（1 分钟平均，运行前后及每次运行前）：最低 {s['load']['min']:.1f}，中位 {s['load']['median']:.1f}，最高 {s['load']['max']:.1f}"
    batch = batch_lines(s)
    if batch:
        write_block("bench-batch", batch)
    big = big_inputs.lines(s["variants"], fmt_s, fmt_task)
    if big:
        write_block("bench-big", [measured(s), "", *big])
    edits = edit_lines(s, load_text)
    if edits:
        write_block("bench-edit", edits)
    starts = [k for k in s["variants"] if not is_batch(k) and not is_big(k) and k.removeprefix("phone-").split("-")[0] not in EDIT_FIELD]
    if not any(s["variants"][k].get("first_result") is not None for k in starts):
        return  # an edit or batch run only: the start-up figures stay as they were
    lines = [measured(s), ""]
    phone = table(s, True)
    if phone:
        lines += ["**手机情形**（4G：下行 4 Mbps、上行 3 Mbps、延迟 20 ms；处理器减速 4 倍；按 brotli 压缩传输）：", "", *phone, ""]
    desk = table(s, False)
    if desk:
        lines += ["**本机回环**（不限速）：", "", *desk, ""]
    req = (s["variants"].get("phone-calc-cold") or {}).get("requests")
    if req:
        lines += ["首次访问传输最多的文件：" + "，".join(f"`{path.split('?')[0].split('#')[0].rsplit('/', 1)[-1] or path}` {fmt_mb(n)}" for path, n in req[:6]) + "。", ""]
    heavy = s["variants"].get("heavy-warm")
    if heavy:
        lines += [f"500 项的情景（分享链接打开，issue 15）：首个结果 {fmt_s(heavy['first_result'])}，最长主线程任务 "
                  f"{fmt_task(heavy['longest_task'])}（中位）/ {fmt_task(heavy['max_longest_task'])}（最大）。", ""]
    region = s["variants"].get("phone-region-cold")
    if region and region.get("prefetch") is not None:
        lines += [f"地区页在空闲时预取运行时和快照：用时 {fmt_s(region['prefetch'])}（含页面载入），{fmt_mb(region['prefetch_bytes'])}"
                  f"（状态：{region.get('prefetch_state')}）。", ""]
    goal = targets(s)
    if goal:
        lines += ["与目标对照（本次测量自动生成）：", "", *goal]
    write_block("bench", lines)


if __name__ == "__main__":
    sys.exit(main())
