"""The command line of scenario.md: `python -m calc check FILE [--json]`, `python -m calc kinds POLICY`."""

from __future__ import annotations

import json
import os
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


# ---- issue 15: no input gives a traceback; the file is checked before it is read ----------------


def calc_bytes(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Like calc_cli, but stdout and stderr as bytes, to check they are valid UTF-8."""
    return subprocess.run([sys.executable, "-m", "calc", *args], cwd=ROOT, capture_output=True, timeout=timeout, env=env)


def assert_clean(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    result.stdout.decode("utf-8")  # strict: raises on anything that is not UTF-8
    result.stderr.decode("utf-8")


def test_lone_surrogates_in_keys_kinds_and_policy_never_give_a_traceback(tmp_path: Path) -> None:
    """Valid JSON such as "\\udfff" crashed the command line with exit 1 (43 of 6,438 files)."""
    good = '{"kind": "public_course", "year": 2025, "hours": 30}'
    texts = {
        "kind": '{"version": 1, "policy": "qinghai", "activities": [' + good + ', {"kind": "\\udfff", "year": 2025}]}',
        "key": '{"version": 1, "policy": "qinghai", "activities": [' + good + '], "\\ud800x": 1, "person": {"\\udc00": true}}',
        "policy": '{"version": 1, "policy": "\\udfff", "activities": []}',
    }
    for name, text in texts.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, "ascii")
        for flags in ((), ("--json",)):
            result = calc_bytes("check", str(path), *flags)
            assert_clean(result)
            assert result.returncode == 1, (name, flags, result.stderr)
            if flags:
                report = json.loads(result.stdout)
                assert report["errors"]
                if name != "policy":
                    assert report["years"][0]["public"] == 30  # the rest still counts
    result = calc_bytes("kinds", b"\xffnowhere")  # an argument that is not UTF-8 reaches Python as "\udcff"
    assert_clean(result)
    assert result.returncode == 2


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    scenario = {"version": 1, "policy": "hefei", "activities": [{"kind": "title_foreign_language", "year": 2021, "mode": "exam"}]}
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="C", LC_ALL="C", PYTHONIOENCODING="ascii", PYTHONUTF8="0")
    result = calc_bytes("check", write(tmp_path, scenario), env=env)
    assert_clean(result)
    assert result.returncode == 0 and "职称外语" in result.stdout.decode("utf-8")


def test_devices_pipes_and_folders_are_refused_at_once_with_exit_2(tmp_path: Path) -> None:
    """/dev/zero ended in a MemoryError traceback; a FIFO hung."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo), str(tmp_path), str(tmp_path / "missing.json")):
        result = calc_bytes("check", target, "--json", timeout=20)
        assert_clean(result)
        assert result.returncode == 2, target
        report = json.loads(result.stdout)
        assert report["years"] == [] and report["errors"][0]["code"] == "file_unreadable", target
        assert result.stderr.strip(), target


def test_a_file_over_the_limit_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    """300 MB used 600 MB of memory: now the size is checked first (a sparse file: instant)."""
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(300_000_000)
    result = calc_bytes("check", str(big), "--json", timeout=20)
    assert_clean(result)
    assert result.returncode == 2 and json.loads(result.stdout)["errors"][0]["code"] == "file_too_large"


def test_utf8_with_bom_and_utf16_are_read_like_the_browser_import(tmp_path: Path) -> None:
    scenario = {"version": 1, "policy": "hefei", "activities": [{"kind": "self_study", "year": 2021, "hours": 8, "title": "自学"}]}
    text = json.dumps(scenario, ensure_ascii=False)
    for name, data in (("bom", b"\xef\xbb\xbf" + text.encode("utf-8")), ("utf16", text.encode("utf-16")),
                       ("utf16be", b"\xfe\xff" + text.encode("utf-16-be"))):
        path = tmp_path / f"{name}.json"
        path.write_bytes(data)
        result = calc_bytes("check", str(path), "--json")
        assert_clean(result)
        assert result.returncode == 0, (name, result.stderr)
        assert json.loads(result.stdout)["years"][0]["professional"] == 8


def test_undecodable_file_gives_a_report_with_the_error_under_json(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"version": 1, "policy": "hefei", "activities": [{"title": "é"}]}'.encode("latin-1"))
    result = calc_bytes("check", str(path), "--json")
    assert_clean(result)
    assert result.returncode == 2
    assert json.loads(result.stdout)["errors"][0]["code"] == "encoding_invalid"


def test_a_closed_pipe_is_not_a_traceback() -> None:
    shell = f"{sys.executable} -m calc kinds qinghai | head -c 10 >/dev/null"
    result = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, timeout=60)
    assert b"Traceback" not in result.stderr
