"""The calculator page's preload list (sitebuild/calculator_preload.py, issue 5): every module of
the calculator's import graph is named in the page head, so the browser fetches them all at once."""

from __future__ import annotations


from sitebuild.calculator_preload import module_graph


def test_graph_follows_relative_imports_once(tmp_path):
    (tmp_path / "calculator").mkdir()
    (tmp_path / "vendor").mkdir()
    (tmp_path / "calculator" / "app.js").write_text(
        'import { a } from "./a.js";\nimport b from "../vendor/b.mjs";\nimport "./side.js";\n'
        'const later = import(`${base}pyodide.mjs`); // dynamic: not followed\n', "utf-8")
    (tmp_path / "calculator" / "a.js").write_text('import { c } from "./c.js";\nexport const a = 1;\n', "utf-8")
    (tmp_path / "calculator" / "c.js").write_text('import { a } from "./a.js";\nexport const c = 2;\n', "utf-8")
    (tmp_path / "calculator" / "side.js").write_text("", "utf-8")
    (tmp_path / "vendor" / "b.mjs").write_text("export default 3;\n", "utf-8")
    assert module_graph(tmp_path) == [
        "calculator/app.js", "calculator/a.js", "vendor/b.mjs", "calculator/side.js", "calculator/c.js"]


def test_graph_names_a_missing_module(tmp_path):
    (tmp_path / "calculator").mkdir()
    (tmp_path / "calculator" / "app.js").write_text('import { x } from "./gone.js";\n', "utf-8")
    try:
        module_graph(tmp_path)
    except FileNotFoundError as err:
        assert "calculator/gone.js" in str(err)
    else:
        raise AssertionError("a missing module was not reported")

