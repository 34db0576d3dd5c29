"""Users' saved files and share links depend on the scenario format: a version-1 file, kept here
as a fixture with every field of the contract, must always compute as it did.

When a version 2 appears, version-1 files are migrated on reading, and this test keeps proving it.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import check, year_of

FIXTURE = Path(__file__).with_name("fixtures") / "scenario_v1.json"


def test_a_version_1_file_computes_without_errors() -> None:
    report = check(json.loads(FIXTURE.read_text(encoding="utf-8")))
    assert report["errors"] == []
    assert report["policy"] == "xining" and report["rules"] == "qinghai"
    year = year_of(report, 2025)
    assert (year["public"], year["professional"], year["met"]) == (31, 60, True)
    assert year_of(report, 2024)["required_source"] == "user"
    assert report["readiness"]["status"] == "ready"
