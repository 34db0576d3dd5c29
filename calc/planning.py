"""Planning: the least extra hours that would make a title application's years enough, and which
kinds of activity can still supply them (valid that year, of the right category, with room left
under their caps), with the region's deadlines for that year; and, for each year and category,
the one entry that would supply it (a page offers it as one click, `"planned": true`) and the
sentences a page shows of all this.

Hours are planned only in a year in which they can still be taken as of today (calc/open_years.py):
the year itself while it is open, or a later year up to the application year whose make-up rule
reaches it (合肥 顺延至下一年度补学: the year before); those hours are then planned in that later
year, which must first meet its own requirement.
"""

from __future__ import annotations

import math

from calc import methods, ruledata
from calc.ledger import Year
from calc.vocabulary import CATEGORY, MESSAGES, fmt, hours

PLANNED_TITLE = "计划补学"  # the title of an entry the plan adds


def entry_for(kind: dict, amount: float, room: float | None, year: int) -> dict | None:
    """How one activity of this kind supplies `amount` hours (no more than `room`, its cap's room):
    {field, value, hours}, when a single number is all it needs (hours as stated, or units at a
    fixed rate, rounded up to whole units: 公需课 1 门 for 20 hours short is 30 hours). None when
    the kind needs more than that (a level, a rank, ...)."""
    conversion = kind["conversion"]
    formula = next(iter(methods.of(conversion).formulas(conversion)), None)
    rate = methods.of(formula).unit_hours(formula, year) if formula else None
    if not rate:
        return None
    field = formula.get("field", "hours")
    if any(f.get("required") and "default" not in f and f["name"] != field for f in kind.get("fields", [])):
        return None
    if room is not None:
        amount = min(amount, room)
    if not methods.of(formula).whole_units:
        return {"field": field, "value": hours(amount / rate), "hours": hours(amount)}
    units = math.ceil(round(amount / rate, 6))
    supplied = units * rate if room is None else min(units * rate, room)
    return {"field": field, "value": units, "hours": hours(supplied)}


def options(policy: dict, year: Year, category: str, gap: float = 0.0) -> list[dict]:
    used: dict[str, float] = {}
    for line in year.lines:
        used[line.kind] = used.get(line.kind, 0.0) + line.hours
    found = []
    for kind in policy["kinds"]:
        method = methods.of(kind["conversion"])
        if kind.get("category") != category or not method.gives_hours:
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
        if method.whole_requirement:
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
        "activity": {"kind": best["kind"], "year": year, entry["field"]: entry["value"], "title": PLANNED_TITLE, "planned": True},
        "text": f"{year}年{best['name']} {amount}",
    }


def needs(policy: dict, entry: dict, carried: dict | None = None) -> list[dict]:
    """Per category a year lacks: the gap in words (and the part a make-up rule carries back to an
    earlier year), the entry to offer, the options' heading."""
    found = []
    for category in CATEGORY:
        gap = entry[category]
        if not gap:
            continue
        options = entry["options"].get(category, [])
        back = "、".join(f"{fmt(amount)} 学时补{year}年" for year, amount in (carried or {}).get(category, []))
        found.append({
            "category": category,
            "hours": gap,
            "text": f"{entry['year']}年{CATEGORY[category]}还需 {fmt(gap)} 学时" + (f"（其中 {back}）" if back else "") + "。",
            "suggestion": suggestion(policy, entry["year"], gap, options),
            "options_label": f"可以补的类型（{len(options)} 类）" if options else None,
            "empty_text": None if options else MESSAGES["no_options"],
        })
    return found


def plan(scenario, ledger, gaps: list[dict], open_years) -> dict:
    """The plan for the chosen short years (each can still be filled: calc/open_years.py): per year
    in which hours are taken, the hours missing per category (its own, and those a make-up rule
    carries back to an earlier year) and the kinds that can still supply them."""
    policy = scenario.policy
    years = ledger.years
    by_year: dict[int, dict] = {}
    for gap in sorted(gaps, key=lambda g: g["year"]):
        for category in CATEGORY:
            if not gap[category]:
                continue
            taken = open_years.taken_in(gap["year"], category, years)
            entry = by_year.setdefault(taken, {"year": taken, "public": 0, "professional": 0, "for_years": {}})
            entry[category] = hours(entry[category] + gap[category])
            if gap["year"] != taken:
                entry["for_years"].setdefault(category, []).append((gap["year"], gap[category]))
    entries = []
    for taken in sorted(by_year):
        entry = by_year[taken]
        year = ledger.peek(taken)
        carried = entry.pop("for_years")
        entry["options"] = {}
        for category in CATEGORY:
            if entry[category]:
                entry["options"][category] = options(policy, year, category, entry[category])
        entry["deadlines"] = [
            {"date": d["date"], "what": d["what"]}
            for d in policy.get("deadlines", [])
            if d["year"] == taken and d["who"] == "个人"
        ]
        entry["needs"] = needs(policy, entry, carried)
        entries.append(entry)
    extra = hours(sum(g["public"] + g["professional"] for g in gaps))
    parts = [
        f"{e['year']}年" + "、".join(f"{CATEGORY[c]} {fmt(e[c])} 学时" for c in CATEGORY if e[c]) for e in entries
    ]
    summary = f"最少还需补 {fmt(extra)} 学时（{'；'.join(parts)}）" if entries else None
    return {"extra_hours": extra, "years": entries, "summary_text": summary}
