"""The built site: every region has its pages, the build is strict, nothing comes from another host."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sitebuild import outside_hosts
from sitebuild.chinese_lines import join_lines

from .conftest import ROOT, SITE


def test_no_references_to_outside_hosts():
    findings = outside_hosts.scan_site(SITE)
    assert findings == [], "\n".join(str(f) for f in findings)


def test_every_region_has_its_page_with_a_calculator_link():
    rules = json.loads((ROOT / "calc" / "rules.json").read_text("utf-8"))
    for pid, policy in rules["policies"].items():
        ids = [pid] + [a["id"] for a in policy.get("aliases", [])]
        for page_id in ids:
            html = (SITE / "regions" / page_id / "index.html").read_text("utf-8")
            assert f"calculator/?policy={page_id}" in html, page_id
        html = (SITE / "regions" / pid / "index.html").read_text("utf-8")
        for kind in policy["kinds"]:
            assert kind["name"].split("（")[0] in html or kind["id"] in html, (pid, kind["id"])
    for page in ("compare", "faq", "about", "calculator"):
        assert (SITE / page / "index.html").exists(), page


def test_site_is_chinese_without_web_fonts():
    html = (SITE / "index.html").read_text("utf-8")
    assert '<html lang="zh"' in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_page_shows_a_space_for_a_line_break_in_chinese_text():
    # the pages' wrapped Chinese paragraphs (sitebuild/chinese_lines.py): 206 such spaces on 13 pages before
    spaced = [str(page.relative_to(SITE)) for page in sorted(SITE.rglob("*.html"))
              if join_lines(text := page.read_text("utf-8")) != text]
    assert spaced == []


def test_search_index_finds_chinese_words():
    index = json.loads((SITE / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    # jieba with the project's user dictionary keeps these words whole (separated by \u200b).
    for word in ("学时", "公需科目", "专业科目", "职称", "继续教育学时"):
        assert f"\u200b{word}\u200b" in text or text.startswith(word), word


def test_mkdocs_build_is_strict_and_clean(tmp_path):
    """Rebuilding the generated docs/ with --strict gives no warning (a warning fails the build)."""
    assert "strict: true" in (ROOT / "mkdocs.yml").read_text("utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert out.returncode == 0, out.stderr
    assert "WARNING" not in out.stderr, out.stderr


def test_calculator_has_no_inline_script_and_sets_no_html():
    import re

    template = (ROOT / "overrides" / "calculator.html").read_text("utf-8")
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", template)), "inline script in the template"
    html = (SITE / "calculator" / "index.html").read_text("utf-8")
    assert re.search(r'<script type="module" async src="[./]*(calculator/)?app\.js"></script>', html)
    code = "".join(p.read_text("utf-8") for p in (SITE / "calculator").glob("*.js"))
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", code)


def test_site_ships_the_current_calc():
    """The wheel in site/ holds exactly calc/ as it is now (else: rebuild with python build.py)."""
    import zipfile

    from sitebuild.wheel import _package_files

    (wheel,) = (SITE / "pyodide").glob("calc-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = {n: zf.read(n) for n in zf.namelist() if n.startswith("calc/")}
    current = {f"calc/{p.relative_to(ROOT / 'calc').as_posix()}": p.read_bytes() for p in _package_files(ROOT / "calc")}
    stale = sorted(n for n in shipped.keys() | current.keys() if shipped.get(n) != current.get(n))
    assert stale == [], f"site/ is older than calc/ (rebuild: python build.py): {stale}"


def test_calculator_scripts_are_one_file_preloaded_with_the_catalogue():
    """Issue 5: each page's modules are bundled into one file (sitebuild/bundle.py: app.js for the
    calculator, policy-qr.js for the region pages), which the head preloads with the kinds
    catalogue; the modules that went into a bundle are left out of the site."""
    import json
    import re

    meta = json.loads((ROOT / "build" / "esbuild-meta.json").read_text("utf-8"))
    for out in meta["outputs"].values():
        assert out.get("imports", []) == []  # no module left to fetch at run time
    # esbuild marks each module it took in; every calculator module is in a bundle (none is dead code)
    app = (SITE / "calculator" / "app.js").read_text("utf-8")
    bundled = set(re.findall(r"^// (calculator/[\w-]+\.js)$", app, re.M))
    own = {f"calculator/{p.name}" for p in (ROOT / "docs" / "calculator").glob("*.js")}
    # the worker's, the region pages' (QR code; the calculator's files fetched at idle time)
    assert own - bundled == {"calculator/worker.js", "calculator/policy-qr.js", "calculator/prefetch.js"}
    html = (SITE / "calculator" / "index.html").read_text("utf-8")
    head = html.split("</head>", 1)[0]
    assert re.findall(r'<link rel="modulepreload" href="([^"]+)">', head) == ["app.js"]
    assert re.search(r'<link rel="preload" href="catalogue\.json" as="fetch" crossorigin>', head)
    shipped = {p.name for p in (SITE / "calculator").glob("*.js")}
    assert shipped == {"app.js", "worker.js", "policy-qr.js", "prefetch.js"}
