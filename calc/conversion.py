"""Conversion: what one activity is worth, by its rule, before any per-year cap.

Every activity becomes one or more lines (a project that ran three years credits three years).
The rule's `conversion` names one of a small set of methods (policies/schema.py); nothing here is
specific to a region.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc import ruledata
from calc.ruledata import matches
from calc.scenario import Activity, Person
from calc.vocabulary import fmt, years_text

# Effects other than plain hours, resolved per year once all lines are known (calc/ledger.py).
WHOLE_PROFESSIONAL = "whole_professional"
COMPLETE_YEAR = "complete_year"
ANY_TENURE_YEAR = "complete_any_tenure_year"


@dataclass(eq=False)  # lines are compared by identity: two alike lines are still two lines
class Line:
    year: int
    activity: int | None
    kind: str
    name: str
    category: str | None
    hours: float
    uncapped: float
    rule: str
    citation: str
    quote: str = ""
    notes: list[str] = field(default_factory=list)
    effect: str | None = None
    cap: float | None = None
    reading: str | None = None
    once: bool = False  # the rule gives its amount once per year however many entries
    once_cut: bool = False  # this entry counts nothing: another of the year gave the amount (once per year)
    partner: int | None = None  # a make-up line: the year the hours came from, or went to

    def as_report(self) -> dict:
        from calc.vocabulary import hours

        entry = {
            "activity": self.activity,
            "kind": self.kind,
            "name": self.name,
            "category": self.category,
            "hours": hours(self.hours),
            "uncapped": hours(self.uncapped),
            "rule": self.rule,
            "citation": self.citation,
            "quote": self.quote,
            "note": "；".join(self.notes) if self.notes else None,
        }
        if self.reading:
            entry["reading"] = self.reading
        return entry


def rounded(amount: float) -> float:
    """An activity's hours, rounded half up to one decimal place once, where they are computed:
    every later sum is then exact, so a year's total is always the sum of its lines."""
    from calc.vocabulary import hours

    return float(hours(amount))


def rule_line(policy: dict, kind: dict, activity: Activity | None, year: int, hours: float, **extra) -> Line:
    hours = rounded(hours)
    return Line(
        year=year,
        activity=activity.index if activity else None,
        kind=kind["id"],
        name=kind["name"],
        category=kind.get("category"),
        hours=hours,
        uncapped=hours,
        rule=f"{policy['id']}/{kind['id']}",
        citation=ruledata.cites_text(policy, kind["cite"]),
        quote=kind["cite"][0]["quote"].replace("**", ""),
        cap=kind.get("cap"),
        reading=kind.get("reading"),
        once=kind.get("once_per_year") is True,
        **extra,
    )


def convert(policy: dict, activity: Activity, person: Person, horizon: int) -> list[Line]:
    """The lines one activity credits. `horizon` is the last year of the current tenure in view."""
    kind = activity.kind
    lines = not_counted(policy, kind, activity) or credited(policy, activity, person, horizon)
    field = kind.get("category_field")
    for line in lines:
        if field and line.category is not None and activity.values.get(field) in ("public", "professional"):
            line.category = activity.values[field]
        for dated in kind.get("readings", []):
            if ruledata.in_years(line.year, dated["years"]):
                text = f"{dated['text']}（{ruledata.quoted(policy, dated['cite'])}）"
                line.reading = f"{line.reading}；{text}" if line.reading else text
    return lines


def not_counted(policy: dict, kind: dict, activity: Activity) -> list[Line] | None:
    """A line of 0 hours, saying why, for an entry the notice does not count at all: training not
    filed where filing is a condition, or a year the notice does not speak for."""
    filing = kind.get("filing")
    if filing and activity.values.get("filed") is False:
        line = rule_line(policy, kind, activity, activity.year, 0)
        line.citation = ruledata.cites_text(policy, filing["cite"])
        line.quote = filing["cite"][-1]["quote"].replace("**", "")
        line.notes.append(f"未按规定事前备案：{filing['reason']}")
        return [line]
    covered = kind.get("covered")
    if covered and not ruledata.in_years(activity.year, covered):
        line = rule_line(policy, kind, activity, activity.year, 0)
        documents = ruledata.doc_numbers(policy, kind["cite"])
        line.notes.append(
            f"{documents}只规定了{years_text(covered)}的{kind['name']}，{activity.year}年怎样计算通知中没有规定，"
            "本工具不计入；如当年另有通知，请以当年通知为准"
        )
        return [line]
    return None


def credited(policy: dict, activity: Activity, person: Person, horizon: int) -> list[Line]:
    kind = activity.kind
    method = kind["conversion"]["method"]
    tenure = person.tenure_start
    if kind.get("tenure_only") and tenure is not None and activity.year < tenure:
        line = rule_line(policy, kind, activity, activity.year, 0)
        line.notes.append(f"在任现职（{tenure}年起）以前取得，按规定只计任现职期间的成果")
        return [line]
    if method == "table":
        return table_lines(policy, kind, activity, person, horizon)
    if method == "whole_professional_tenure":
        return tenure_lines(policy, kind, activity, person, horizon)
    line = rule_line(policy, kind, activity, activity.year, 0)
    if method in ("as_stated", "per_unit", "fixed", "first_given"):
        amount, note = formula(kind["conversion"], activity)
        line.hours = line.uncapped = rounded(amount)
        if note:
            line.notes.append(note)
    elif method == "whole_professional":
        line.effect = WHOLE_PROFESSIONAL
        line.notes.append("折算当年专业科目全部学时")
    elif method == "complete_year":
        line.effect = COMPLETE_YEAR
        line.notes.append("视同完成当年公需科目和专业科目全部学时")
    elif method == "complete_any_tenure_year":
        spec = kind["conversion"]
        if activity.values.get(spec["field"], 0) >= spec["at_least"]:
            line.effect = ANY_TENURE_YEAR
            line.notes.append("可视同完成任现职期间任意一年的学时，在核验职称申报时使用")
        else:
            line.notes.append(f"不满{fmt(spec['at_least'])}个月，不能视同完成一年学时")
    elif method == "no_hours":
        line.category = None
        line.notes.append(kind["conversion"]["reason"])
    return [line]


def formula(spec: dict, activity: Activity) -> tuple[float, str | None]:
    """Hours from an as_stated / per_unit / fixed / first_given formula, with a note saying how."""
    method = spec["method"]
    values = activity.values
    if method == "as_stated":
        return float(values.get(spec.get("field", "hours"), 0)), None
    if method == "per_unit":
        rate = ruledata.dated(spec["rate"], activity.year) or 0
        quantity = float(values.get(spec["field"], 0))
        per = spec.get("per", 1)
        amount = quantity / per * rate
        if per == 1:
            return amount, f"{fmt(quantity)} × {fmt(rate)}"
        return amount, f"{fmt(quantity)} ÷ {fmt(per)} × {fmt(rate)} = {fmt(amount)}"
    if method == "fixed":
        amount = ruledata.dated(spec["amount"], activity.year)
        return float(amount or 0), None
    if method == "first_given":
        for option in spec["options"]:
            if option.get("field", "hours") in values:
                return formula(option, activity)
        return 0.0, None
    raise ValueError(f"unknown formula {method}")


def row_result(row: dict, activity: Activity) -> tuple[float, str | None]:
    if row.get("hours") is not None:
        return float(row["hours"]), None
    if row.get("per_unit"):
        return formula(row["per_unit"], activity)
    if row.get("as_stated"):
        return formula(row["as_stated"], activity)
    return 0.0, None


def table_lines(policy: dict, kind: dict, activity: Activity, person: Person, horizon: int) -> list[Line]:
    spec = kind["conversion"]
    rows = [row for row in spec["rows"] if matches(row["when"], activity.values)]
    if not rows:
        line = rule_line(policy, kind, activity, activity.year, 0)
        line.notes.append(spec["otherwise"])
        return [line]
    if spec.get("best_of_all"):
        scored = [(row_result(row, activity), row) for row in rows]
        (amount, how), row = max(scored, key=lambda item: item[0][0])
        note = row["label"] + (f"（{how}）" if how else "")
        if len(rows) > 1:
            note += "；同一项目按最高标准计算，不累加"
    else:
        row = rows[0]
        if row.get("effect") == "whole_professional_tenure":
            lines = tenure_lines(policy, kind, activity, person, horizon)
            lines[0].notes.insert(0, row["label"])
            return lines
        amount, how = row_result(row, activity)
        note = row["label"] + (f"（{how}）" if how else "")
    years = activity.values.get(spec["per_year_of"]) if spec.get("per_year_of") else None
    lines = []
    for year in years or [activity.year]:
        line = rule_line(policy, kind, activity, year, amount)
        line.notes.append(note)
        if not ruledata.in_years(year, kind.get("valid", {})):
            line.hours = line.uncapped = 0
            line.notes.append(f"{year}年不在本规则的适用年度内")
        elif kind.get("tenure_only") and person.tenure_start is not None and year < person.tenure_start:
            line.hours = line.uncapped = 0
            line.notes.append(f"{year}年在任现职（{person.tenure_start}年起）以前，不计")
        lines.append(line)
    return lines


def tenure_lines(policy: dict, kind: dict, activity: Activity, person: Person, horizon: int) -> list[Line]:
    """The whole 专业 requirement of every year of the current tenure."""
    tenure = person.tenure_start
    if tenure is None or tenure > activity.year:
        line = rule_line(policy, kind, activity, activity.year, 0, effect=WHOLE_PROFESSIONAL)
        why = "未填写任现职年度" if tenure is None else f"任现职年度（{tenure}年）晚于获奖年度"
        line.notes.append(f"折算任现职期间全部专业科目学时；{why}，只计获奖当年")
        return [line]
    lines = []
    for year in range(tenure, max(activity.year, horizon) + 1):
        line = rule_line(policy, kind, activity, year, 0, effect=WHOLE_PROFESSIONAL)
        line.notes.append(f"折算任现职期间（{tenure}年起）全部专业科目学时")
        lines.append(line)
    return lines
