"""The same activities under every region's rules, side by side (the calculator's 对比各地区).

A person who moves, or who reads a colleague's notice, asks: what would what I did count for
there? An entry is written in its own region's terms (合肥's 公需课 in courses of 30 学时, 青海's
training in days or hours, fields that only one notice asks for), so the comparison first carries
each entry over to the other region's rules, then lets calc compute there as usual.

Carrying one entry from region P to region Q (nothing here names a region; the rule data decides):
- Its counterpart is Q's kind with the same id, or the kind Q's rule data names as the same
  activity (`compare_as` in policies/*.yaml: 合肥's 省市部门、基地举办的培训 is others'
  professional_course). None: the entry is not carried, and the note says so.
- A field Q asks for is copied when the entry has it with a value Q's field takes (same name, same
  unit, one of its choices).
- The amount, when Q counts it in another unit (学时, 门 of 30 学时, 天 of 7 学时): the hours P
  credits the entry (its line in P's report, before any per-year cap) become Q's unit; a whole
  unit (门) is never rounded up, and what is left over is named.
- A field Q asks for and P does not, with a default in Q's rules (已备案): the default is used and
  the note states it as an assumption. Without one (a paper's journal level, its length): the
  entry is not carried, and the note names what Q would need.
- The carried entry is checked with calc's own reading (scenario.read_activity) under Q's rules,
  with the entry's own index; whatever Q's rules refuse (a kind not in force that year …) is not
  carried, with calc's message.
Person facts and the title application go over as they are (a fact means the same in every rule
file); year requirements the user entered are P's notices' figures and are not carried.

compare(raw) -> {policy, name, regions: [{policy, name, home, carried_text, notes, entries, report}],
errors} (calc/schemas/compare.schema.json). Each region's report is calc's report of the carried
scenario, with every activity index turned back into the index of the entry the user made.
"""

from __future__ import annotations

import math

from calc import limits, methods, ruledata
from calc.clock import as_of
from calc.report import evaluate
from calc.scenario import read_activity
from calc.vocabulary import fmt

HOURS_UNIT = "学时"
ENTRY_STATES = ("same", "carried", "not_carried")


# ---- the kind and its fields in the other region ------------------------------------------------


def family(kind: dict) -> str:
    """The id other regions give this activity."""
    return kind.get("compare_as") or kind["id"]


def counterpart(kind: dict, policy: dict, year: object) -> dict | None:
    """The kind of `policy` for the same activity (its version in force in `year`, else its first),
    or None. The kind with the same id comes first, then the kind whose id is the family's."""
    ids = [k["id"] for k in policy.get("kinds", []) if family(k) == family(kind) or k["id"] == kind["id"]]
    if not ids:
        return None
    best = next((i for i in (kind["id"], family(kind)) if i in ids), ids[0])
    in_force = ruledata.kind_for(policy, best, year) if isinstance(year, int) else None
    return in_force or ruledata.kind_versions(policy, best)[0]


def quantity_fields(kind: dict) -> list[tuple[dict, dict]]:
    """(field, formula) of each number the kind's hours are counted from (学时, 门, 天 …), in the
    order its conversion takes them; empty for a table, a fixed amount or an effect."""
    conv = kind["conversion"]
    specs = {f["name"]: f for f in kind.get("fields", [])}
    found = []
    for formula in methods.of(conv).formulas(conv):
        spec = specs.get(formula.get("field", "hours"))
        if spec is not None:
            found.append((spec, formula))
    return found


def takes(spec: dict, source_spec: dict | None, value: object) -> bool:
    """Whether `spec` (a field of the other region's kind) takes the entry's `value` as it is."""
    from calc.scenario import check_value

    if value is None or check_value(spec, value) is not None:
        return False
    if source_spec is not None and source_spec["type"] != spec["type"]:
        return False
    return source_spec is None or (source_spec.get("unit") or "") == (spec.get("unit") or "")


def value_words(spec: dict, value: object) -> str:
    """A field's value as the note states it: a choice's label, 是/否, a number with its unit."""
    if spec["type"] == "choice":
        return next((c["label"] for c in spec["choices"] if c["value"] == value), str(value))
    if spec["type"] == "boolean":
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return f"{fmt(value)}{spec.get('unit') or ''}"
    return str(value)


# ---- one entry -----------------------------------------------------------------------------------


def carry(entry: dict, index: int, source: dict, target: dict, credited: float | None) -> tuple[dict | None, str | None]:
    """The entry as the target region's rules take it, and the note about it: (entry, None) when it
    goes over as it is, (entry, note) when something was converted or assumed, (None, note) when
    it cannot go over. `credited`: the hours the source region credits the entry (before caps)."""
    year = entry.get("year")
    kind = ruledata.kind_for(source, entry.get("kind"), year) if isinstance(year, int) else None
    kind = kind or (ruledata.kind_versions(source, entry.get("kind"))[:1] or [None])[0]
    if kind is None:
        return None, f"这一条在{source['name']}的规定下无法计算，没有带入{target['name']}。"
    other = counterpart(kind, target, year)
    if other is None:
        return None, f"{target['name']}的规定中没有与“{kind['name']}”对应的类型，没有带入。"
    source_specs = {f["name"]: f for f in kind.get("fields", [])}
    carried = {k: v for k, v in entry.items() if k in ("year", "title", "evidence", "planned")}  # a planned entry stays planned
    carried["kind"] = other["id"]
    said: list[str] = []
    if other["name"] != kind["name"]:
        said.append(f"按{target['name']}的“{other['name']}”计")
    for spec in other.get("fields", []):
        name = spec["name"]
        if takes(spec, source_specs.get(name), entry.get(name)):
            carried[name] = entry[name]
    quantities = quantity_fields(other)
    if quantities and not any(spec["name"] in carried for spec, _ in quantities):
        plain = methods.of(kind["conversion"]).plain_hours
        converted = convert_amount(entry, kind, quantities, credited if plain else None, source, target)
        if converted is None:
            labels = "或".join(f"“{spec['label']}”" for spec, _ in quantities)
            return None, f"{target['name']}按{labels}计算“{other['name']}”，{source['name']}的这一条无法换算，没有带入。"
        name, value, words = converted
        carried[name] = value
        said.append(words)
    missing = []
    in_groups = {n for group in other.get("one_of", []) for n in group}
    # a quantity the target takes only when the one before it is not given (first_given): unused
    unused = {spec["name"] for spec, _ in quantities} if any(spec["name"] in carried for spec, _ in quantities) else set()
    for spec in other.get("fields", []):
        name = spec["name"]
        if name in carried or name in in_groups or name in unused:
            continue
        if "default" in spec:
            if name not in source_specs:
                said.append(f"假定“{spec['label']}”为“{value_words(spec, spec['default'])}”（{target['name']}看这一项，{source['name']}的记录中没有）")
            continue
        if spec.get("required", True) and not spec.get("required_when"):
            missing.append(spec["label"])
    if missing:
        labels = "、".join(f"“{label}”" for label in missing)
        return None, f"{target['name']}计算“{other['name']}”还需要{labels}，{source['name']}的记录中没有，没有带入。"
    errors: list[dict] = []
    if read_activity(index, carried, target, errors) is None:
        return None, "；".join(e["message"] for e in errors) or f"{target['name']}的规定不接受这一条，没有带入。"
    return carried, ("；".join(said) + "。") if said else None


def convert_amount(entry: dict, kind: dict, quantities: list[tuple[dict, dict]], credited: float | None,
                   source: dict, target: dict) -> tuple[str, float | int, str] | None:
    """(field, value, the note's words) giving the target kind the hours the source region
    credits the entry, in the target's unit (学时 as they are; 门, 天 … at the target's rate, never
    rounded up); None when the source credits no plain hours for it or the target counts it by
    something hours cannot give (字数)."""
    if not credited or credited <= 0:
        return None
    given = [spec for spec, _ in quantity_fields(kind) if entry.get(spec["name"]) is not None]
    if given and (given[0].get("unit") or "") == HOURS_UNIT:
        start = value_words(given[0], entry[given[0]["name"]])  # 45学时
    else:
        what = value_words(given[0], entry[given[0]["name"]]) if given else f"“{kind['name']}”"
        start = f"{what}按{source['name']}的规定计 {fmt(credited)} 学时"  # 3天按青海省的规定计 21 学时
    for spec, formula in quantities:
        if not methods.of(formula).whole_units and (spec.get("unit") or HOURS_UNIT) == HOURS_UNIT:
            value = credited if spec["type"] == "number" else whole(credited)
            if value is not None:
                return spec["name"], value, f"{start}，在{target['name']}填作“{spec['label']}” {fmt(value)}"
    for spec, formula in quantities:
        year = entry.get("year") if isinstance(entry.get("year"), int) else 0
        rate = methods.of(formula).unit_hours(formula, year) if methods.of(formula).whole_units else None
        if not rate or rate <= 0:
            continue
        unit = spec.get("unit") or ""
        units = credited / rate
        value = math.floor(units + 1e-9) if spec["type"] == "integer" else math.floor(units * 10 + 1e-9) / 10
        if value <= 0:
            return None
        words = f"{start}，按{target['name']}每{unit} {fmt(rate)} 学时计为 {fmt(value)}{unit}"
        rest = credited - value * rate
        if rest > 1e-9:
            words += f"，余下 {fmt(rest)} 学时不足 1{unit}，不计" if spec["type"] == "integer" else f"，余下 {fmt(rest)} 学时不计"
        return spec["name"], int(value) if spec["type"] == "integer" else float(value), words
    return None


def whole(value: float) -> int | None:
    return int(value) if float(value).is_integer() else None


# ---- the whole scenario ----------------------------------------------------------------------------


def credited_hours(report: dict) -> dict[int, float]:
    """Per activity index, the plain hours the report credits it in its own year, before caps
    (`uncapped` of its one line); not for an entry with several lines or an error."""
    lines: dict[int, list[dict]] = {}
    for year in report.get("years", []):
        for line in year.get("lines", []):
            index = line.get("activity")
            if isinstance(index, int) and not isinstance(index, bool):
                lines.setdefault(index, []).append(line)
    refused = {e.get("activity") for e in report.get("errors", [])}
    return {
        index: float(items[0]["uncapped"])
        for index, items in lines.items()
        if index not in refused and len(items) == 1 and isinstance(items[0].get("uncapped"), (int, float))
    }


def renumber(value: object, indices: list[int]) -> object:
    """The report of the carried scenario with each activity index the index of the user's entry."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "activity" and isinstance(item, int) and not isinstance(item, bool) and 0 <= item < len(indices):
                out[key] = indices[item]
            else:
                out[key] = renumber(item, indices)
        return out
    if isinstance(value, list):
        return [renumber(item, indices) for item in value]
    return value


def carried_text(target: dict, total: int, carried: int) -> str:
    if total == 0:
        return f"没有录入学习或成果；按{target['name']}的规定计算。"
    if carried == total:
        return f"{total} 条记录全部带入{target['name']}的规定计算。"
    return f"{total} 条记录中 {carried} 条带入{target['name']}的规定计算，{total - carried} 条没有带入（原因见下）。"


def listed(raw: dict) -> tuple[list, str | None]:
    """The activities compared: as many as a calculation computes (limits.MAX_ACTIVITIES), the rest
    kept in the user's record but neither computed nor listed; and the note saying so."""
    activities = raw.get("activities") if isinstance(raw.get("activities"), list) else []
    if len(activities) <= limits.MAX_ACTIVITIES:
        return activities, None
    rest = len(activities) - limits.MAX_ACTIVITIES
    return activities[: limits.MAX_ACTIVITIES], f"只对比前 {limits.MAX_ACTIVITIES} 条记录（与计算相同），其余 {rest} 条保留在记录中，未计算。"


def region(raw: dict, source: dict, target: dict, credited: dict[int, float], today) -> dict:
    activities, more = listed(raw)
    kept, indices, entries, notes = [], [], [], [more] if more else []
    for index, entry in enumerate(activities):
        if not isinstance(entry, dict):
            continue
        carried, note = carry(entry, index, source, target, credited.get(index))
        state = "not_carried" if carried is None else ("carried" if note else "same")
        entries.append({"activity": index, "state": state, "kind": carried["kind"] if carried else None, "text": note})
        if carried is not None:
            kept.append(carried)
            indices.append(index)
    scenario = {k: v for k, v in raw.items() if k not in ("activities", "requirements", "policy")}
    scenario.update(policy=target["id"], activities=kept)
    if isinstance(raw.get("requirements"), dict) and raw["requirements"]:
        notes.append(f"您自填的年度要求是按{source['name']}的通知填写的，没有带入{target['name']}；{target['name']}的要求按其规定。")
    report = renumber(evaluate(scenario, today), indices)
    return {
        "policy": target["id"], "name": target["name"], "home": False,
        "carried_text": carried_text(target, len([e for e in activities if isinstance(e, dict)]), len(kept)),
        "notes": notes, "entries": entries, "report": report,
    }


def compare(raw: object, today=None) -> dict:
    """The scenario under its own region's rules and under every other region's (module docstring),
    as of `today` (calc/clock.py)."""
    today = as_of(today)
    home_report = evaluate(raw, today)
    source = ruledata.resolve(raw.get("policy")) if isinstance(raw, dict) else None
    if source is None or not isinstance(raw, dict) or home_report.get("version") is None:
        return {"policy": None, "name": None, "regions": [], "errors": home_report.get("errors", [])}
    home_id = raw["policy"]
    name = next((a["name"] for a in source.get("aliases", []) if a["id"] == home_id), source["name"])
    activities, more = listed(raw)
    total = len([e for e in activities if isinstance(e, dict)])
    regions = [{
        "policy": home_id, "name": name, "home": True,
        "carried_text": f"按您所选的{name}的规定计算（{total} 条记录）。",
        "notes": [more] if more else [], "entries": [{"activity": i, "state": "same", "kind": e.get("kind"), "text": None}
                                 for i, e in enumerate(activities) if isinstance(e, dict)],
        "report": home_report,
    }]
    credited = credited_hours(home_report)
    if any(isinstance(e, dict) and e.get("planned") is True for e in activities):
        # a planned entry's hours are not in the report's lines: take them as if it were done
        # (it goes over still planned, and is counted apart there too)
        done = [{k: v for k, v in e.items() if k != "planned"} if isinstance(e, dict) else e for e in activities]
        credited = credited_hours(evaluate({**raw, "activities": done}, today))
    for target in ruledata.rules()["policies"].values():
        if target["id"] != source["id"]:
            regions.append(region(raw, source, target, credited, today))
    return {"policy": home_id, "name": name, "regions": regions, "errors": []}


def compare_summary(result: dict) -> str:
    """The comparison as the command line prints it: each region, its verdict and what went over."""
    if not result["regions"]:
        return "".join(f"{e['message']}\n" for e in result["errors"])
    out = []
    for entry in result["regions"]:
        report = entry["report"]
        out.append(f"== {entry['name']}：{entry['carried_text']}")
        out.append(report.get("summary_text") or "")
        out.extend(entry["notes"])
        out.extend(f"  第{e['activity'] + 1}条：{e['text']}" for e in entry["entries"] if e["text"])
        out.append("")
    return "\n".join(out) + "\n"
