#!/usr/bin/env python3
"""Build the whole static site into site/ with one command: `python build.py`.

MkDocs reads docs/ as it is: nothing is written into docs/ or another source folder, but for the
rule data that stage 1 compiles into calc/rules.json (committed; with --policies or --sources, into
the build folder instead). Stages 2-5 write what they make into build/generated/ (made afresh by
stage 2), laid out as in docs/; in stage 6 the hook sitebuild/mkdocs_generated.py adds those files
to docs/'s, each in place of the docs/ file of the same path, and leaves out the modules that went
into a bundle.

Stages (each is a module of sitebuild/):
  1. compile_rules  validate policies/ and compile calc/rules.json (python -m policies.compile)
  2. docs_pages     pages generated from calc/rules.json (regions, worksheets, compare, FAQ) into
                    build/generated/, the navigation into build/nav.json
  3. wheel, browser_wheels, lockfile, catalogue, batch_template, vendor, bundle
                    calc/ as a py3-none-any wheel, registered in a Pyodide lockfile
                    (pyodide lockfile add-wheels) with the pinned openpyxl and et_xmlfile wheels
                    (the batch page's), the kinds catalogue as JSON for the form, the batch page's
                    template (.xlsx, .csv), the npm files the pages import, and each page's modules
                    joined into one file
  4. runtime        the Pyodide runtime from node_modules/pyodide (npm ci) into
                    build/generated/pyodide/<version>-<hash>/ (a hashed name: cacheable for good)
  5. snapshot       a Pyodide memory snapshot with calc imported (taken in Node), and docs/'s
                    calculator/worker.js and prefetch.js with the manifest (where everything is)
  6. mkdocs_site    mkdocs build --strict into site/, theme made self-contained, outside-host scan
  7. compress       .gz and .br copies of the larger files, for hosts that serve them

Needs Python >= 3.12 with requirements-dev.txt installed, and `npm ci` done.

    python build.py                                   # the project's notices: site/
    python build.py --policies DIR --sources DIR --build DIR --site DIR
                                                      # also the notices of other folders (a new
                                                      # region being tried out, tests/fixtures/):
                                                      # calc/rules.json and site/ are left alone
"""

import argparse
import os
import sys
import time

if sys.version_info < (3, 12):
    sys.exit(f"build.py needs Python >= 3.12 (this is {sys.version.split()[0]}): use .venv/bin/python")


def configure(argv: list[str]) -> None:
    """Where this build reads and writes: set before sitebuild.paths is imported."""
    parser = argparse.ArgumentParser(prog="python build.py", description="Build the static site.")
    parser.add_argument("--policies", action="append", default=[], help="another folder of policy files")
    parser.add_argument("--sources", action="append", default=[], help="another folder of source texts")
    parser.add_argument("--build", help="intermediate output (default build/)")
    parser.add_argument("--site", help="the built site (default site/)")
    args = parser.parse_args(argv)
    for name, values in (("JXJY_POLICIES", args.policies), ("JXJY_SOURCES", args.sources)):
        if values:
            os.environ[name] = os.pathsep.join(str(os.path.abspath(v)) for v in values)
    for name, value in (("JXJY_BUILD", args.build), ("JXJY_SITE", args.site)):
        if value:
            os.environ[name] = os.path.abspath(value)


configure(sys.argv[1:])

from sitebuild import (  # noqa: E402
    batch_template, browser_wheels, bundle, catalogue, compile_rules, compress, csp, docs_pages, lockfile, mkdocs_site, offline,
    runtime, scrub, snapshot, vendor, wheel,
)
from sitebuild.paths import CATALOGUE_JSON, GENERATED_DIR, PYODIDE_DIR, SITE  # noqa: E402


def stage(number: int, title: str) -> None:
    print(f"[{number}/7] {title}", flush=True)


def main() -> int:
    started = time.monotonic()
    runtime.check_installed()  # fail early, before the slow stages

    stage(1, "rule data: python -m policies.compile")
    compile_rules.run()

    stage(2, "pages generated from the rule data -> build/generated/")
    written = docs_pages.generate()
    print(f"  {len(written)} generated pages: {', '.join(written)}")

    stage(3, "calc for the browser: wheel, Pyodide lockfile, kinds catalogue")
    pyodide_dir = GENERATED_DIR / PYODIDE_DIR
    whl = wheel.build_wheel(pyodide_dir)
    others = browser_wheels.fetch(pyodide_dir)  # sitebuild/browser-wheels.txt: pinned, checked by hash
    entry = lockfile.add_wheel(whl, pyodide_dir / "pyodide-lock.json", others)
    data = catalogue.write(GENERATED_DIR / CATALOGUE_JSON)
    print(f"  {whl.name} (sha256 {entry['sha256'][:12]}…), catalogue of {len(data['policies'])} policies")
    print(f"  beside it for the batch page: {', '.join(p.name for p in others)}")
    print(f"  batch page template: {', '.join(p.name for p in batch_template.write(GENERATED_DIR))}")
    print(f"  vendor: {', '.join(p.name for p in vendor.copy(GENERATED_DIR))}")  # sitebuild/vendor.py: npm files the pages use
    joined = bundle.bundle(GENERATED_DIR)  # sitebuild/bundle.py: each page's modules as one file
    print(f"  calculator/app.js: {joined['modules']} modules in one file of {joined['bytes'] / 1e3:.0f} kB")

    stage(4, "Pyodide runtime from node_modules/pyodide")
    runtime_dir = runtime.copy_runtime(pyodide_dir)
    copied = [p for p in runtime_dir.iterdir() if p.is_file()]
    print(f"  {runtime_dir.name}/: {len(copied)} files, {sum(p.stat().st_size for p in copied) / 1e6:.1f} MB")

    stage(5, "memory snapshot with calc imported (Node), worker manifest")
    snap = snapshot.make(runtime_dir, whl, pyodide_dir)
    snapshot.write_manifest(GENERATED_DIR, pyodide_dir, runtime_dir, snap)
    print(f"  {snap['file']}: {snap['bytes'] / 1e6:.1f} MB, {snap['modules']} modules, Python {snap['python']}")

    stage(6, "mkdocs build --strict: docs/ + build/generated/ -> site/")
    mkdocs_site.build()
    patched = mkdocs_site.patch_theme_bundle()
    print(f"  theme bundle: {patched} unpkg.com URL(s) emptied")
    print(f"  Content-Security-Policy on {csp.apply()} pages")
    print(f"  {scrub.run()} file(s) cleared of source maps and Pyodide's CDN default")
    mkdocs_site.check_outside_hosts()
    print(f"  no references to other hosts in {SITE.name}/")
    print(f"  service worker keeps {offline.write()} files for offline use (sitebuild/offline.py)")

    stage(7, "pre-compressed copies (.gz, .br) of the larger files")
    sizes = compress.run(SITE)
    print(f"  {sizes['files']} files: {sizes['raw'] / 1e6:.1f} MB, gzip {sizes['gz'] / 1e6:.1f} MB, brotli {sizes['br'] / 1e6:.1f} MB")

    print(f"built {SITE} in {time.monotonic() - started:.1f} s; serve it with scripts/serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
