"""Conversion: what one activity is worth, by its rule, before any per-year cap.

Every activity becomes one or more lines (a project that ran three years credits three years).
The rule's `conversion` names one of a small set of methods, each with one home in
calc/methods.py; around it, what holds for every method: training not filed where filing is a
condition and years the notice does not speak for count nothing, achievements before the tenure
count nothing where only the tenure's count, and an entry may choose its category.
"""

from __future__ import annotations

from calc import methods, ruledata
from calc.line import Line, rule_line
from calc.scenario import Activity, Person
from calc.vocabulary import years_text


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
    tenure = person.tenure_start
    # an entry over several years (a project's years) is checked year by year by its method
    spread = bool(kind["conversion"].get("per_year_of"))
    if kind.get("tenure_only") and tenure is not None and activity.year < tenure and not spread:
        line = rule_line(policy, kind, activity, activity.year, 0)
        line.notes.append(f"在任现职（{tenure}年起）以前取得，按规定只计任现职期间的成果")
        return [line]
    return methods.of(kind["conversion"]).lines(policy, kind, activity, person, horizon)
