"""The command line of scenario.md: `python -m calc check FILE [--json]`, `python -m calc kinds POLICY`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def calc_cli(*args: str, isolated: bool = False) -> subprocess.CompletedProcess:
    flags = ["-S"] if isolated else []
    return subprocess.run([sys.executable, *flags, "-m", "calc", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def write(tmp_path: Path, content: object) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_check_json_without_site_packages(tmp_path: Path) -> None:
    scenario = {"version": 1, "policy": "qinghai", "activities": [{"kind": "software_copyright", "year": 2025, "count": 6}]}
    result = calc_cli("check", write(tmp_path, scenario), "--json", isolated=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["years"][0]["professional"] == 10


def test_check_prints_a_chinese_summary(tmp_path: Path) -> None:
    scenario = {"version": 1, "policy": "hefei", "activities": [{"kind": "title_foreign_language", "year": 2021, "mode": "exam"}]}
    result = calc_cli("check", write(tmp_path, scenario))
    assert result.returncode == 0 and "2021年" in result.stdout and "职称外语" in result.stdout


def test_summary_says_a_line_that_counts_no_hours_itself(tmp_path: Path) -> None:
    # 考前辅导班 are never counted: the line says so, not "0学时" under some category
    scenario = {"version": 1, "policy": "qinghai", "activities": [{"kind": "excluded", "year": 2025, "hours": 8, "what": "考前辅导班"}]}
    line = [row for row in calc_cli("check", write(tmp_path, scenario)).stdout.splitlines() if "考前辅导班" in row][0]
    assert "：不直接计学时（" in line and "0学时" not in line


def test_exit_1_when_the_report_has_errors(tmp_path: Path) -> None:
    scenario = {"version": 1, "policy": "hefei", "activities": [{"kind": "nope", "year": 2021}]}
    result = calc_cli("check", write(tmp_path, scenario), "--json")
    assert result.returncode == 1 and json.loads(result.stdout)["errors"]


def test_exit_2_when_the_file_cannot_be_read_or_parsed(tmp_path: Path) -> None:
    assert calc_cli("check", str(tmp_path / "missing.json")).returncode == 2
    assert calc_cli("check", write(tmp_path, "{not json")).returncode == 2
    assert "JSON" in calc_cli("check", write(tmp_path, "{not json")).stderr


def test_kinds_lists_the_catalogue() -> None:
    result = calc_cli("kinds", "qinghai", "--json")
    kinds = {k["id"]: k for k in json.loads(result.stdout)["kinds"]}
    assert kinds["software_copyright"]["cap"] == {"per_year": 10}
    assert kinds["software_copyright"]["valid"] == {"from": 2025, "to": None}
    assert "153号" in kinds["software_copyright"]["citation"]


def test_examples_run(tmp_path: Path) -> None:
    examples = sorted((ROOT / "docs" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "fixtures").glob("browser_*.json"))
    assert len(examples) >= 5
    for example in examples:
        result = calc_cli("check", str(example), "--json", isolated=True)
        report = json.loads(result.stdout)
        assert result.returncode == (1 if report["errors"] else 0), example.name
        if not example.name.startswith("browser_"):  # browser_ examples include bad input on purpose
            assert report["errors"] == [], f"{example.name}: {report['errors']}"
