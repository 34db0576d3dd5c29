"""The report (scenario.md): years, readiness, deadlines and errors, for one scenario."""

from __future__ import annotations

from datetime import date

from calc import readiness, result_words, ruledata, title_credits
from calc.clock import as_of
from calc.errors import error
from calc.ledger import Ledger, Year
from calc.open_years import OpenYears
from calc.result_words import brief_text, line_words, planned_words, summary_text, year_words
from calc.scenario import Scenario, read
from calc.vocabulary import hours

REPORT_VERSION = 1


def evaluate(raw: object, today: date | str | None = None) -> dict:
    """The report for a scenario given as parsed JSON, as of `today` (calc/clock.py). Never raises:
    a defect in the core itself becomes an error report (tests call `build` directly, so such
    defects still fail them)."""
    today = as_of(today)
    try:
        return build(raw, today)
    except Exception as exc:  # noqa: BLE001 - the user must get a report, not a traceback
        message = f"计算时出现内部错误（{type(exc).__name__}），请用“导出文件”保存后反馈给我们。您输入的内容没有丢失。"
        code = "module_missing" if isinstance(exc, ImportError) else "internal_error"
        return empty_report(None, [error(None, None, message, code=code)], today)


def build(raw: object, today: date | str | None = None) -> dict:
    """The report for a scenario given as parsed JSON, as of `today`; bad input becomes errors."""
    today = as_of(today)
    scenario, errors = read(raw)
    if scenario is None:
        policy = raw.get("policy") if isinstance(raw, dict) and isinstance(raw.get("policy"), str) else None
        return empty_report(policy, errors, today)
    # Planned entries ("planned": true) are counted apart: the verdict is the one of the entries
    # done; the plan's projection (the years with the planned entries, the verdict once they are
    # done, what is still missing beyond them) is computed separately.
    done = scenario.done
    projected = Ledger(scenario) if scenario.has_plan else None
    planned_years = set(projected.years) if projected else set()
    if done.target is not None:
        decision = readiness.decide(done, today, planned_years)
        ledger = decision.ledger
        title_credits.draw(decision)
    else:
        decision = readiness.invalid(done, today) if done.target_invalid else None
        ledger = decision.ledger if decision else Ledger(done, extra_years=planned_years)
    after = None
    if decision is not None and decision.case == "judged" and scenario.has_plan:
        future = readiness.decide(scenario, today)
        title_credits.draw(future)
        projected = future.ledger
        after = future.status
        if decision.status == "not_ready":
            decision.plan = future.plan
    application = result_words.application_years(decision) if decision else {}
    still = decision.open_years if decision is not None and decision.open_years is not None else OpenYears(done, today)
    planned = planned_words(ledger, projected, {a.index for a in scenario.activities if a.planned}) if projected else {}
    report = {
        "version": REPORT_VERSION,
        "policy": scenario.policy_id,
        "rules": scenario.policy["id"],
        "data_version": ruledata.data_version(),
        "today": today.isoformat(),
        "years": [year_report(ledger.years[y], still.any_open(y), application.get(y), planned.get(y)) for y in sorted(ledger.years)],
    }
    if decision is not None:
        report["readiness"] = result_words.verdict_entry(decision, after)
    report["dates"] = result_words.dates_read(scenario)
    report["deadlines"] = deadlines(scenario, set(ledger.years), today)
    report["errors"] = errors
    report["warnings"] = scenario.warnings
    report["summary_text"] = summary_text(report)
    report["brief_text"] = brief_text(report)
    return report


def empty_report(policy: str | None, errors: list[dict], today: date | None = None) -> dict:
    """The report of a scenario that cannot be computed at all: no years, the errors saying why."""
    report = {"version": REPORT_VERSION, "policy": policy, "today": as_of(today).isoformat(), "years": [], "deadlines": [],
              "errors": errors, "warnings": []}
    report["summary_text"] = summary_text(report)
    report["brief_text"] = brief_text(report)
    return report


def year_report(year: Year, still_open: bool, application: dict | None = None, planned: dict | None = None) -> dict:
    """A year of the report: its figures and lines, in words too; `application`: the year as the
    title application judges it where that differs (an age reduction); `planned`: what the planned
    entries add to it (calc/result_words.planned_words)."""
    req = year.requirement
    entry = {
        "year": year.year,
        "public": hours(year.hours("public")),
        "professional": hours(year.hours("professional")),
        "total": hours(year.total),
        "required": req.as_report(),
        "required_source": req.source,
        "annual": req.annual,  # false: the notice judges these years otherwise (威海 2018年以前: 任期平均)
        "met": year.met,
        "entered": year.entered,
        "open": still_open,
        "complete": year.complete,
        "professional_full": year.professional_full,
        "lines": [{**line.as_report(), **line_words(line)} for line in year.lines],
        "notes": list(year.notes),
        **year_words(year),
        "application": application,
        "planned": None, "planned_text": None, "planned_lines": [],
    }
    if planned:
        entry.update(planned)
    if req.citation and req.source == "policy":
        entry["required_citation"] = req.citation
    return entry


def deadlines(scenario: Scenario, years: set[int], today: date) -> list[dict]:
    if scenario.target:
        years = years | {scenario.target.year}
    policy = scenario.policy
    found = []
    for d in policy.get("deadlines", []):
        if d["year"] in years:
            entry = {"date": d["date"], "what": d["what"], "who": d["who"], "citation": ruledata.cites_text(policy, d["cite"]),
                     "passed": today.isoformat() > d["date"]}
            if d.get("time"):
                entry["time"] = d["time"]
            found.append(entry)
    return sorted(found, key=lambda d: (d["date"], d.get("time", "")))
