"""MkDocs hook: what build.py made, given to MkDocs beside docs/ (which it reads as it is).

The build writes nothing into docs/ (mkdocs.yml: `docs_dir: docs`). What it makes is in
build/generated/ (sitebuild.paths.GENERATED_DIR), laid out as in docs/: the pages generated from
the rule data (sitebuild/docs_pages.py), the bundles (sitebuild/bundle.py) and the worker with its
manifest (sitebuild/snapshot.py) that the site serves in place of their sources, the kinds
catalogue, the Pyodide runtime, lockfile, calc wheel and snapshot. This hook

- takes the navigation from build/nav.json: the regions' pages come from the rule data, so the
  navigation cannot be fixed in mkdocs.yml (the file is a plain MkDocs `nav` list in JSON);
- adds every file of build/generated/ with MkDocs' files API (File.generated, read from where it
  is), in place of the docs/ file of the same path;
- leaves out the docs/ modules that went into a bundle (sitebuild.bundle.left_out());
- keeps the files in the order MkDocs walks a folder (its files, index first, then its folders),
  as if build/generated/ were inside docs/: the sitemap and the search index list pages so.

Run on its own (no build/generated/), mkdocs stops and says to run build.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).absolute().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitebuild import bundle  # noqa: E402
from sitebuild.paths import GENERATED_DIR, NAV_JSON  # noqa: E402


def on_config(config):
    if not NAV_JSON.exists() or not GENERATED_DIR.is_dir():
        raise PluginError(f"{NAV_JSON} or {GENERATED_DIR} is missing: build the site with `python build.py`, not mkdocs alone")
    config["nav"] = json.loads(NAV_JSON.read_text("utf-8"))
    return config


def _walk_order(file: File) -> list[tuple]:
    """os.walk's order in MkDocs' get_files: a folder's files (index and README first), then its
    folders, each sorted by name."""
    *folders, name = file.src_uri.split("/")
    return [(1, folder) for folder in folders] + [(0, (Path(name).stem not in ("index", "README"), name))]


def on_files(files: Files, config) -> Files:
    for path in GENERATED_DIR.rglob("*"):
        if path.is_file():
            src_uri = path.relative_to(GENERATED_DIR).as_posix()
            source = files.get_file_from_path(src_uri)
            if source is not None:
                files.remove(source)  # the site serves the build's version (a bundle, the worker with its manifest)
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    for src_uri in bundle.left_out():
        module = files.get_file_from_path(src_uri)
        if module is not None:
            files.remove(module)
    return Files(sorted(files, key=_walk_order))
