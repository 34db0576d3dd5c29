"""Planning: the least extra hours that would make a title application's years enough, and which
kinds of activity can still supply them in each of those years (valid that year, of the right
category, with room left under their caps), with the region's deadlines for that year; and, for
each year and category, the one entry that would supply it (a page offers it as one click) and
the sentences a page shows of all this.
"""

from __future__ import annotations

import math

from calc import ruledata
from calc.ledger import Year
from calc.vocabulary import CATEGORY, MESSAGES, fmt, hours

PLANNED_TITLE = "计划补学"  # the title of an entry the plan adds
NO_HOURS = {"no_hours", "complete_year", "complete_any_tenure_year"}


def cheapest(gaps: list[dict], count: int) -> list[dict]:
    """The `count` short years whose gaps add up to the least (ties: the most recent first)."""
    ranked = sorted(gaps, key=lambda g: (g["public"] + g["professional"], -g["year"]))
    return sorted(ranked[:count], key=lambda g: g["year"])


def entry_for(kind: dict, amount: float, room: float | None, year: int) -> dict | None:
    """How one activity of this kind supplies `amount` hours (no more than `room`, its cap's room):
    {field, value, hours}, when a single number is all it needs (hours as stated, or units at a
    fixed rate, rounded up to whole units: 公需课 1 门 for 20 hours short is 30 hours). None when
    the kind needs more than that (a level, a rank, ...)."""
    conversion = kind["conversion"]
    if conversion["method"] == "first_given":
        conversion = conversion["options"][0]
    field = conversion.get("field", "hours")
    if any(f.get("required") and f["name"] != field for f in kind.get("fields", [])):
        return None
    if room is not None:
        amount = min(amount, room)
    method = conversion["method"]
    if method == "as_stated":
        return {"field": field, "value": hours(amount), "hours": hours(amount)}
    if method != "per_unit" or conversion.get("per", 1) != 1:
        return None
    rate = ruledata.dated(conversion["rate"], year)
    if not rate:
        return None
    units = math.ceil(round(amount / rate, 6))
    supplied = units * rate if room is None else min(units * rate, room)
    return {"field": field, "value": units, "hours": hours(supplied)}


def options(policy: dict, year: Year, category: str, gap: float = 0.0) -> list[dict]:
    used: dict[str, float] = {}
    for line in year.lines:
        used[line.kind] = used.get(line.kind, 0.0) + line.hours
    found = []
    for kind in policy["kinds"]:
        method = kind["conversion"]["method"]
        if kind.get("category") != category or method in NO_HOURS:
            continue
        if not ruledata.in_years(year.year, kind.get("valid", {})) or not ruledata.in_years(year.year, kind.get("covered", {})):
            continue
        if kind.get("once_per_year") and used.get(kind["id"], 0.0) > 0:
            continue  # given once a year, and given already
        room = None
        if kind.get("cap") is not None:
            room = max(0.0, kind["cap"] - used.get(kind["id"], 0.0))
            if room <= 0:
                continue
        entry = {"kind": kind["id"], "name": kind["name"], "room": None if room is None else hours(room)}
        if method in ("whole_professional", "whole_professional_tenure"):
            entry["whole_requirement"] = True
            entry["text"] = f"{kind['name']}（可整体认定全年专业科目）"
        else:
            if gap:
                one = entry_for(kind, gap, room, year.year)
                if one:
                    entry["entry"] = one
            entry["text"] = kind["name"] if room is None else f"{kind['name']}（当年还可计 {fmt(room)} 学时）"
        found.append(entry)
    return found


def suggestion(policy: dict, year: int, gap: float, options: list[dict]) -> dict | None:
    """The one entry to offer for a year's gap in a category: of the options that need a single
    number, a kind without a cap first, then one with room enough, then whatever supplies some.
    {activity (as the scenario holds it), text}; None when no option needs a single number."""
    usable = [o for o in options if not o.get("whole_requirement") and o.get("entry")]
    best = next((o for o in usable if o["room"] is None), None) or next((o for o in usable if o["entry"]["hours"] >= gap), None)
    best = best or (usable[0] if usable else None)
    if best is None:
        return None
    entry = best["entry"]
    if entry["field"] == "hours":
        amount = f"{fmt(entry['hours'])} 学时"
    else:
        kind = ruledata.kind_for(policy, best["kind"], year) or {}
        unit = next((f.get("unit") or "" for f in kind.get("fields", []) if f["name"] == entry["field"]), "")
        amount = f"{fmt(entry['value'])} {unit}（{fmt(entry['hours'])} 学时）"
    return {
        "activity": {"kind": best["kind"], "year": year, entry["field"]: entry["value"], "title": PLANNED_TITLE},
        "text": f"{year}年{best['name']} {amount}",
    }


def needs(policy: dict, entry: dict) -> list[dict]:
    """Per category a year lacks: the gap in words, the entry to offer, the options' heading."""
    found = []
    for category in CATEGORY:
        gap = entry[category]
        if not gap:
            continue
        options = entry["options"].get(category, [])
        found.append({
            "category": category,
            "hours": gap,
            "text": f"{CATEGORY[category]}还差 {fmt(gap)} 学时。",
            "suggestion": suggestion(policy, entry["year"], gap, options),
            "options_label": f"可以补的类型（{len(options)} 类）" if options else None,
            "empty_text": None if options else MESSAGES["no_options"],
        })
    return found


def plan(policy: dict, years: dict[int, Year], gaps: list[dict]) -> dict:
    """The plan for the chosen short years: per year the hours missing per category and the
    kinds that can still supply them."""
    entries = []
    for gap in gaps:
        year = years[gap["year"]]
        entry = {"year": gap["year"], "public": gap["public"], "professional": gap["professional"], "options": {}}
        for category in CATEGORY:
            if gap[category]:
                entry["options"][category] = options(policy, year, category, gap[category])
        entry["deadlines"] = [
            {"date": d["date"], "what": d["what"]}
            for d in policy.get("deadlines", [])
            if d["year"] == gap["year"] and d["who"] == "个人"
        ]
        entry["needs"] = needs(policy, entry)
        entries.append(entry)
    extra = hours(sum(g["public"] + g["professional"] for g in gaps))
    parts = [
        f"{e['year']}年" + "、".join(f"{CATEGORY[c]} {fmt(e[c])} 学时" for c in CATEGORY if e[c]) for e in entries
    ]
    summary = f"最少还需补 {fmt(extra)} 学时（{'；'.join(parts)}）" if entries else None
    return {"extra_hours": extra, "years": entries, "summary_text": summary}
