"""Reading a scenario (scenario.md): what the user entered, checked field by field.

Nothing here raises on bad input: every problem becomes an error entry with a clear Chinese
message, and whatever else is usable is kept, so one bad entry never loses the others.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date

from calc import dates, limits, ruledata
from calc.errors import error, warning
from calc.vocabulary import CATEGORY, DEGREE, LEVEL, TARGET_FIELDS, TARGET_TYPE, years_text

SCENARIO_KEYS = {"version", "policy", "person", "activities", "requirements", "target", "extra"}
ACTIVITY_COMMON = {"kind", "year", "title", "evidence", "planned", "extra"}
TARGET_KEYS = {"type", "level", "year", "date", "degree", "has_deputy_senior"}
TARGET_LABEL = {f["name"]: f["label"] for f in TARGET_FIELDS}


class Person:
    """What the scenario says about the person: the facts the rule data declares (`person` of a
    policy: name, type, choices, default), read the same way for every region. A policy's rules
    use only the facts it declares; a fact another region declares is still checked and kept."""

    def __init__(self, facts: dict | None = None, specs: dict | None = None):
        self.facts = dict(facts or {})
        self.specs = specs if specs is not None else ruledata.person_facts()

    def get(self, name: str) -> object:
        """The fact's value, or its default (booleans: false) when the scenario does not give it."""
        if name in self.facts:
            return self.facts[name]
        spec = self.specs.get(name) or {}
        if "default" in spec:
            return spec["default"]
        return False if spec.get("type") == "boolean" else None

    flag = get

    def matches(self, condition: dict) -> bool:
        """Every fact of `condition` has its value (or one of the listed values, or is in a range),
        read as a rule's `when` is (ruledata.matches), defaults included."""
        return ruledata.matches(condition, {name: self.get(name) for name in condition})

    def set(self, name: str, value: object) -> None:
        """Give a fact a value; None: as if the scenario had not given it (its default)."""
        if value is None:
            self.facts.pop(name, None)
        else:
            self.facts[name] = value

    # the facts the engine itself uses (schema.ENGINE_FACTS), by name
    tenure_start = property(lambda self: self.get("tenure_start"), lambda self, v: self.set("tenure_start", v))
    gender = property(lambda self: self.get("gender"), lambda self, v: self.set("gender", v))
    birth_date = property(lambda self: self.get("birth_date"), lambda self, v: self.set("birth_date", v))


@dataclass(frozen=True)
class Month:
    """A date given to the month only (出生年月 1973-05): the day is an open fact of the verdict."""

    year: int
    month: int

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first(self) -> date:
        return date(self.year, self.month, 1)


@dataclass
class Target:
    type: str
    level: str
    year: int
    date: date
    degree: str | None = None
    has_deputy_senior: bool | None = None  # None: not given (an open fact where a rule uses it)
    date_given: bool = False  # the date was given (else 12-31 of the year)


@dataclass
class Activity:
    index: int
    kind: dict  # the rule (one version of a kind) that applies in `year`
    year: int
    values: dict
    planned: bool = False  # an entry the person plans (`"planned": true`): counted apart, never as done


@dataclass
class Scenario:
    policy_id: str
    policy: dict
    person: Person = field(default_factory=Person)
    activities: list[Activity] = field(default_factory=list)
    requirements: dict[int, dict] = field(default_factory=dict)
    target: Target | None = None
    target_invalid: bool = False
    warnings: list[dict] = field(default_factory=list)  # values that are allowed but unlikely (report `warnings`)

    @property
    def done(self) -> "Scenario":
        """The scenario as the person stands: the planned entries left out (their indices kept)."""
        if not any(a.planned for a in self.activities):
            return self
        return replace(self, activities=[a for a in self.activities if not a.planned])

    @property
    def has_plan(self) -> bool:
        return any(a.planned for a in self.activities)


def is_number(value: object) -> bool:
    """A JSON number that can be compared and counted: any int (even one too large for a float,
    which math.isfinite would refuse with OverflowError), or a finite float."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def shown(value: object, size: int = 20) -> str:
    """A value as it may appear in a message: short, and never str() of an enormous integer (Python
    refuses to write one of more than 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**size:
        return "（过大的数）"
    if isinstance(value, float) and not math.isfinite(value):
        return "（超出范围的数）"
    text = value if isinstance(value, str) else json_like(value)
    return text if len(text) <= size else text[: size - 1] + "…"


def json_like(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "[…]" if isinstance(value, list) else "{…}"
    return repr(value)


def one_decimal(value: float) -> bool:
    """At most one decimal place, as the notices give hours and days (12.5, not 12.25)."""
    return abs(value * 10 - round(value * 10)) <= 1e-6


def check_year(value: object) -> str | None:
    """None when value is a usable year, else the problem in Chinese."""
    if isinstance(value, float) and math.isinf(value):  # 1e400 in the JSON text: a number, too large
        return f"年度超出范围，不在 {limits.YEAR_MIN}—{limits.YEAR_MAX} 之间"
    if isinstance(value, bool) or not isinstance(value, int):
        if is_number(value) and float(value).is_integer():
            value = int(value)
        else:
            return "年度必须是四位整数年份，例如 2025"
    if not limits.YEAR_MIN <= value <= limits.YEAR_MAX:
        return f"年度 {shown(value)} 不在 {limits.YEAR_MIN}—{limits.YEAR_MAX} 之间"
    return None


def too_deep(value: object, limit: int = limits.MAX_DEPTH) -> bool:
    """Whether lists and dicts nest deeper than the limit (walked without recursion, and stopping
    at the limit, so neither a deep nor a cyclic structure can exhaust the stack)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children if isinstance(child, (list, dict)))
    return False


def one_of(value: object, allowed) -> bool:
    """`value in allowed` for any JSON value (a list or dict is never one of the codes)."""
    return isinstance(value, str) and value in allowed


PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]*)?")  # as the page passes on a number too long for a double


def parse_date(value: object, month: bool = False) -> tuple[date | Month | None, str | None]:
    """A date as a person writes it in China (calc/dates.py: 1973-05-01, 1973/5/1, 1973年5月1日,
    19730501 …), or None and why not; with `month`, a year and month alone too (出生年月)."""
    if not isinstance(value, str):
        return None, dates.read("", month)[1]
    written, problem = dates.read(value, year_month=month)
    if written is None:
        return None, problem
    if not limits.YEAR_MIN - 200 <= written.year <= limits.YEAR_MAX:
        return None, f"“{value.strip()[:20]}”的年份不在合理范围内。"
    return (written.as_date() or Month(written.year, written.month)), None


def read(raw: object) -> tuple[Scenario | None, list[dict]]:
    """The usable scenario (None when it cannot be used at all) and every error found."""
    errors: list[dict] = []
    if not isinstance(raw, dict):
        return None, [error(None, None, "这不是本站的学时记录：内容应为一个 JSON 对象（{…}），无法计算。", code="not_an_object")]
    if too_deep(raw):
        return None, [error(None, None, f"学时记录的内容嵌套超过 {limits.MAX_DEPTH} 层（自定义内容 extra 也计算在内），无法读取。", code="too_deep")]
    version = raw.get("version")
    if type(version) is not int or version != 1:  # not True, which equals 1 in Python
        if version is None:
            message = "这不是本站的学时记录：缺少版本号（version），无法计算。请使用本站“导出文件”保存的文件或“生成分享链接”生成的链接。"
        else:
            message = f"这份学时记录的版本号是 {shown(version)}，本站只能读取版本 1 的记录，无法计算。"
        return None, [error(None, "version", message, code="version_unsupported")]
    policy = ruledata.resolve(raw.get("policy"))
    if policy is None:
        from calc.catalogue import policies  # the regions as a list of them shows them

        known = "、".join(p["label"] for p in policies())
        if raw.get("policy") is None:
            message = f"学时记录中没有写明地区，无法计算。本站收录：{known}。"
        else:
            message = f"本站没有收录地区“{shown(raw.get('policy'), 40)}”，无法计算。本站收录：{known}。"
        return None, [error(None, "policy", message, code="policy_unknown")]
    scenario = Scenario(policy_id=raw["policy"], policy=policy)
    for key in raw:
        if key not in SCENARIO_KEYS:
            errors.append(error(None, str(key)[:40], f"未知的字段“{str(key)[:40]}”：自定义内容请放在 extra 下。", code="field_unknown"))
    scenario.person = read_person(raw.get("person"), errors, policy)
    scenario.requirements = read_requirements(raw.get("requirements"), errors)
    scenario.target, scenario.target_invalid = read_target(raw.get("target"), errors)
    check_birth_date(scenario, errors)
    check_years_against_application(scenario, errors)
    scenario.activities = read_activities(raw.get("activities"), policy, errors, scenario.warnings)
    return scenario, capped(errors)


def capped(errors: list[dict]) -> list[dict]:
    """At most MAX_ERRORS entries (a file of thousands of unknown keys must not make a report of
    megabytes); the last one says how many more there were."""
    if len(errors) <= limits.MAX_ERRORS:
        return errors
    rest = len(errors) - (limits.MAX_ERRORS - 1)
    return errors[: limits.MAX_ERRORS - 1] + [error(None, None, f"另有 {rest} 处问题未列出：请先修改上面列出的问题。", code="too_many")]


def check_birth_date(scenario: Scenario, errors: list[dict]) -> None:
    """A birth date that cannot be right is ignored, with a message. calc has no clock (the same
    scenario gives the same report on any day), so "in the future" means after the application
    date; without an application the birth date is not used."""
    born = scenario.person.birth_date
    if born is None:
        return
    first = born.first() if isinstance(born, Month) else born
    if born.year < limits.BIRTH_YEAR_MIN:
        errors.append(error(None, "person.birth_date", f"出生日期 {born.isoformat()} 早于 {limits.BIRTH_YEAR_MIN} 年，可能是输入错误，已忽略。", code="date_out_of_range"))
        scenario.person.birth_date = None
    elif scenario.target is not None and first >= scenario.target.date:
        errors.append(error(None, "person.birth_date", f"出生日期 {born.isoformat()} 不早于申报日期 {scenario.target.date.isoformat()}，可能是输入错误，已忽略。", code="date_out_of_range"))
        scenario.person.birth_date = None


def check_years_against_application(scenario: Scenario, errors: list[dict]) -> None:
    """A year of the person that cannot come after the application (任现职, 调入本市) is ignored,
    with a message naming the field; the rest is computed."""
    target = scenario.target
    if target is None:
        return
    for name in ("tenure_start", "transferred_in_year"):
        value = scenario.person.facts.get(name)
        if isinstance(value, int) and value > target.year:
            label = scenario.person.specs.get(name, {}).get("label", name)
            errors.append(error(None, f"person.{name}", f"“{label}”{value}年晚于申报年度 {target.year} 年，不可能，已忽略。请检查这两个年份。", code="year_out_of_range"))
            scenario.person.set(name, None)


def read_person(raw: object, errors: list[dict], policy: dict | None = None) -> Person:
    """The person facts, each checked by its type in the rule data. Every fact any region
    declares (and every name of the scenario format) is accepted whichever region the scenario
    names: a region that does not use a fact ignores it."""
    specs = {**ruledata.person_facts(), **(ruledata.declared_facts(policy) if policy else {})}
    person = Person(specs=specs)
    if raw is None:
        return person
    if not isinstance(raw, dict):
        errors.append(error(None, "person", "个人信息（person）必须是一个对象，已忽略。", code="person_invalid"))
        return person
    for key, value in raw.items():
        where = f"person.{str(key)[:40]}"
        spec = specs.get(key) if isinstance(key, str) else None
        if spec is None and key not in FORMAT_PERSON_KEYS:
            errors.append(error(None, where, f"未知的个人信息字段“{str(key)[:40]}”，已忽略。", code="field_unknown"))
        elif value is None or spec is None:
            continue
        else:
            read_fact(person, key, spec, value, where, errors)
    return person


# The names scenario.md has always listed under `person`: accepted even if no region used them.
FORMAT_PERSON_KEYS = {
    "gender", "birth_date", "sector", "grassroots", "tenure_start", "dual_title", "high_skill_leader",
    "accounting_platform", "reform_make_up", "industry", "transferred_in_year",
}


def read_fact(person: Person, key: str, spec: dict, value: object, where: str, errors: list[dict]) -> None:
    label = spec["label"]
    kind = spec["type"]
    if kind == "boolean":
        if isinstance(value, bool):
            person.facts[key] = value
        else:
            errors.append(error(None, where, f"“{label}”只能是 true 或 false，已忽略。", code="value_invalid"))
    elif kind == "choice":
        allowed = {c["value"]: c["label"] for c in spec["choices"]}
        if one_of(value, allowed):
            person.facts[key] = value
        else:
            options = "、".join(f"{v}（{t}）" for v, t in allowed.items())
            fallback = f"已按“{allowed[spec['default']]}”计算" if spec.get("default") in allowed else "已忽略"
            errors.append(error(None, where, f"“{label}”只能是 {options}，{fallback}。", code="value_invalid"))
    elif kind == "year":
        problem = check_year(value)
        if problem:
            errors.append(error(None, where, f"“{label}”：{problem}，已忽略。", code="year_invalid"))
        else:
            person.facts[key] = int(value)
    elif kind == "date":
        parsed, problem = parse_date(value, month=True)
        if parsed is None:
            errors.append(error(None, where, f"“{label}”：{problem}已忽略。", code="date_invalid"))
        else:
            person.facts[key] = parsed


def read_requirements(raw: object, errors: list[dict]) -> dict[int, dict]:
    result: dict[int, dict] = {}
    if raw is None:
        return result
    if not isinstance(raw, dict):
        errors.append(error(None, "requirements", "自填年度要求（requirements）必须是一个对象，已忽略。", code="requirements_invalid"))
        return result
    for key, value in list(raw.items())[: limits.MAX_REQUIREMENT_YEARS]:
        where = f"requirements.{str(key)[:10]}"
        # only ASCII digits: "²".isdigit() is true but int("²") fails
        year = int(key) if isinstance(key, str) and len(key) == 4 and key.isascii() and key.isdigit() else None
        if year is None or check_year(year):
            errors.append(error(None, where, f"自填要求的年度“{str(key)[:10]}”不是有效年份，已忽略。", code="year_invalid"))
            continue
        if not isinstance(value, dict) or set(value) - {"public", "professional"}:
            errors.append(error(None, where, f"{year}年的自填要求须写成 {{\"public\": 30, \"professional\": 60}}，已忽略。", code="requirement_invalid"))
            continue
        figures = {}
        for category in ("public", "professional"):
            number = value.get(category)
            if number is None:
                errors.append(error(None, f"{where}.{category}", f"{year}年的自填要求缺少{CATEGORY[category]}学时，已忽略该年。", code="field_missing"))
                break
            if not is_number(number) or number < 0 or number > limits.MAX_NUMBER:
                errors.append(error(None, f"{where}.{category}", f"{year}年{CATEGORY[category]}要求须是 0 到 {limits.MAX_NUMBER} 之间的数，已忽略该年。", code="number_invalid"))
                break
            if not one_decimal(number):
                errors.append(error(None, f"{where}.{category}", f"{year}年{CATEGORY[category]}要求最多保留一位小数（通知中的学时如 30 或 12.5），已忽略该年。", code="number_invalid"))
                break
            figures[category] = float(number)
        else:
            result[year] = figures
    if len(raw) > limits.MAX_REQUIREMENT_YEARS:
        errors.append(error(None, "requirements", f"自填要求最多 {limits.MAX_REQUIREMENT_YEARS} 个年度，其余已忽略。", code="too_many"))
    return result


def read_target(raw: object, errors: list[dict]) -> tuple[Target | None, bool]:
    if raw is None:
        return None, False
    if not isinstance(raw, dict):
        errors.append(error(None, "target", "申报目标（target）必须是一个对象。", code="target_invalid"))
        return None, True
    bad = False
    for key in raw:
        if key not in TARGET_KEYS:
            errors.append(error(None, f"target.{str(key)[:40]}", f"未知的申报目标字段“{str(key)[:40]}”。", code="field_unknown"))
    ttype, level, year = raw.get("type"), raw.get("level"), raw.get("year")
    for name, value in (("type", ttype), ("level", level), ("year", year)):
        label = TARGET_LABEL[name]
        if value is None:
            errors.append(error(None, f"target.{name}", f"申报目标缺少{label}。", code="field_missing"))
            bad = True
    if ttype is not None and not one_of(ttype, TARGET_TYPE):
        errors.append(error(None, "target.type", f"{TARGET_LABEL['type']}须是 " + "、".join(f"{k}（{v}）" for k, v in TARGET_TYPE.items()) + "。", code="value_invalid"))
        bad = True
    if level is not None and not one_of(level, LEVEL):
        errors.append(error(None, "target.level", f"{TARGET_LABEL['level']}须是 " + "、".join(f"{k}（{v}）" for k, v in LEVEL.items()) + "。", code="value_invalid"))
        bad = True
    problem = check_year(year) if year is not None else None
    if problem:
        errors.append(error(None, "target.year", f"{TARGET_LABEL['year']}：{problem}。", code="year_invalid"))
        bad = True
    if bad:
        return None, True
    year = int(year)
    when = date(year, 12, 31)
    parsed = None
    if raw.get("date") is not None:
        parsed, problem = parse_date(raw["date"])
        if parsed is None:
            errors.append(error(None, "target.date", f"{TARGET_LABEL['date']}：{problem}已按当年12月31日计算。", code="date_invalid"))
        elif parsed.year != year:
            errors.append(error(None, "target.date", f"{TARGET_LABEL['date']} {parsed.isoformat()} 不在{TARGET_LABEL['year']} {year} 年内；已按 {year}年12月31日计算。", code="date_not_in_year"))
        else:
            when = parsed
    degree = raw.get("degree")
    if degree is not None and not one_of(degree, DEGREE):
        choices = "、".join(f"{k}（{v}）" for k, v in DEGREE.items())
        errors.append(error(None, "target.degree", f"{TARGET_LABEL['degree']}须是 {choices}，已忽略。", code="value_invalid"))
        degree = None
    deputy = raw.get("has_deputy_senior")
    if deputy is not None and not isinstance(deputy, bool):
        errors.append(error(None, "target.has_deputy_senior", f"“{TARGET_LABEL['has_deputy_senior']}”只能是 true 或 false，已忽略。", code="value_invalid"))
        deputy = None
    return Target(type=ttype, level=level, year=year, date=when, degree=degree, has_deputy_senior=deputy,
                  date_given=raw.get("date") is not None and when.year == year and parsed is not None), False


def read_activities(raw: object, policy: dict, errors: list[dict], warnings: list[dict] | None = None) -> list[Activity]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(error(None, "activities", "活动列表（activities）必须是一个数组。", code="activities_invalid"))
        return []
    if len(raw) > limits.MAX_ACTIVITIES:
        errors.append(error(None, "activities", f"活动最多 {limits.MAX_ACTIVITIES} 条，本次只计算前 {limits.MAX_ACTIVITIES} 条，其余保留未计算。", code="too_many"))
    activities = []
    for index, entry in enumerate(raw[: limits.MAX_ACTIVITIES]):
        activity = read_activity(index, entry, policy, errors)
        if activity is not None:
            activities.append(activity)
            if warnings is not None:
                warnings.extend(implausible(activity))
    return activities


def read_activity(index: int, raw: object, policy: dict, errors: list[dict]) -> Activity | None:
    label = f"第{index + 1}条活动"
    if not isinstance(raw, dict):
        errors.append(error(index, None, f"{label}必须是一个对象，未计算。", code="activity_invalid"))
        return None
    kind_id = raw.get("kind")
    if kind_id is None or kind_id == "":
        errors.append(error(index, "kind", f"{label}：还没有选择活动类型，未计算。", code="kind_missing"))
        return None
    versions = ruledata.kind_versions(policy, kind_id) if isinstance(kind_id, str) else []
    if not versions:
        shown = str(kind_id)[:40]
        errors.append(error(index, "kind", f"{label}：{policy['name']}的规则中没有活动类型“{shown}”，未计算。", code="kind_unknown"))
        return None
    name = versions[0]["name"]
    if raw.get("year") is None:
        errors.append(error(index, "year", f"{label}（{name}）缺少“年度”，未计算。", code="field_missing"))
        return None
    problem = check_year(raw.get("year"))
    if problem:
        errors.append(error(index, "year", f"{label}（{name}）：{problem}，未计算。", code="year_invalid"))
        return None
    year = int(raw["year"])
    kind = ruledata.kind_for(policy, kind_id, year)
    if kind is None:
        spans = "、".join(years_text(v.get("valid", {})) for v in versions)
        errors.append(error(index, "year", f"{label}：“{name}”在{policy['name']}的规则中适用于{spans}，{year}年不适用，未计算。", code="kind_not_in_year"))
        return None
    ok = True
    specs = {spec["name"]: spec for spec in kind.get("fields", [])}
    values: dict = {}
    for key, value in raw.items():
        if key in ACTIVITY_COMMON:
            if key == "planned" and value is not None and not isinstance(value, bool):
                errors.append(error(index, key, f"{label}：“计划”（planned）只能是 true 或 false，已按已完成计算。", code="value_invalid"))
            if key in ("title", "evidence") and value is not None:
                if not isinstance(value, str):
                    errors.append(error(index, key, f"{label}：“{key}”须是文字，已忽略。", code="text_invalid"))
                elif len(value) > limits.MAX_TEXT:
                    errors.append(error(index, key, f"{label}：“{key}”超过 {limits.MAX_TEXT} 个字，计算不受影响，请缩短。", code="text_too_long"))
            continue
        spec = specs.get(key)
        if spec is None:
            errors.append(error(index, str(key)[:40], f"{label}（{name}）没有“{str(key)[:40]}”这一项，未计算。请检查拼写，自定义内容请放在 extra 下。", code="field_unknown"))
            ok = False
            continue
        if value is None:
            continue
        problem = check_value(spec, value)
        if problem:
            errors.append(error(index, key, f"{label}（{name}）的“{spec['label']}”{problem}，未计算。", code="value_invalid"))
            ok = False
        else:
            values[key] = normalise_value(spec, value)
    for spec in kind.get("fields", []):
        if spec["name"] not in values and "default" in spec:
            values[spec["name"]] = spec["default"]
        if spec.get("required", True) and spec["name"] not in values and raw.get(spec["name"]) is None:
            errors.append(error(index, spec["name"], f"{label}（{name}）缺少“{spec['label']}”，未计算。", code="field_missing"))
            ok = False
    for group in kind.get("one_of", []):
        if not any(name_ in values for name_ in group):
            labels = "或".join(specs[n]["label"] for n in group)
            errors.append(error(index, group[0], f"{label}（{name}）须填写{labels}，未计算。", code="field_missing"))
            ok = False
    if ok:
        ok = plausible(index, f"{label}（{name}）", kind, year, values, errors)
    if not ok:
        return None
    return Activity(index=index, kind=kind, year=year, values=values, planned=raw.get("planned") is True)


def plausible(index: int, label: str, kind: dict, year: int, values: dict, errors: list[dict]) -> bool:
    """What the rule data says an entry needs beyond each field on its own: a field required in
    some cases (合肥: 20天以内的部委培训要填认定学时), days no more than the year has."""
    ok = True
    for spec in kind.get("fields", []):
        field_name = spec["name"]
        when = spec.get("required_when")
        if when and field_name not in values and ruledata.matches(when, values):
            errors.append(error(index, field_name, f"{label}缺少“{spec['label']}”：{spec['required_note']}。未计算。", code="field_missing"))
            ok = False
        if spec.get("days_within_year") and field_name in values:
            days = 366 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 365
            if values[field_name] > days:
                errors.append(error(index, field_name, f"{label}的“{spec['label']}”为{values[field_name]:g}天，超过{year}年的{days}天，未计算。请检查天数（跨年度的活动请按年度分开录入）。", code="days_exceed_year"))
                ok = False
    return ok


def implausible(activity: Activity) -> list[dict]:
    """Warnings (report `warnings`) for values the rule data calls unlikely for the kind
    (`plausible_max` of a field: 合肥 公需课 30 门 is 900 学时, most likely hours typed as 门): the
    entry still counts as entered."""
    found = []
    kind = activity.kind
    for spec in kind.get("fields", []):
        most = spec.get("plausible_max")
        value = activity.values.get(spec["name"])
        if most is None or not is_number(value) or value <= most:
            continue
        unit = spec.get("unit") or ""
        message = f"第{activity.index + 1}项（{kind['name']}）的“{spec['label']}”填的是 {value:g}{unit}，一年中通常不超过 {most:g}{unit}，请核对"
        if spec.get("plausible_note"):
            message += f"：{spec['plausible_note'].strip().rstrip('。')}"
        found.append(warning(activity.index, spec["name"], message + "。已按填写的数字计算。", code="value_implausible"))
    return found


def check_value(spec: dict, value: object) -> str | None:
    kind = spec["type"]
    if kind in ("number", "integer"):
        if isinstance(value, float) and math.isinf(value):
            return f"超出范围，不能大于 {limits.MAX_NUMBER}"
        if isinstance(value, str):  # what the page keeps when a typed number is not plain decimal
            if PLAIN_NUMBER.fullmatch(value.strip()):
                if len(value.strip().lstrip("-").split(".")[0]) > len(str(limits.MAX_NUMBER)):
                    return f"超出范围，不能大于 {limits.MAX_NUMBER}"
                return f"必须是数字（“{shown(value)}”是加了引号的文字，请去掉引号）"
            return f"必须是数字，不能是“{shown(value)}”（请只用数字和小数点，例如 12 或 12.5）"
        if not is_number(value):
            return "必须是数字"
        low = spec.get("min", 0)
        if low is not None and value < low:
            return "不能为负数" if low == 0 else f"不能小于 {low:g}"
        high = spec.get("max")
        if high is not None and value > high:
            return f"不能大于 {high:g}"
        if value > limits.MAX_NUMBER:  # checked before any arithmetic: 1e308 * 10 overflows
            return f"不能大于 {limits.MAX_NUMBER}"
        if kind == "integer" and not float(value).is_integer():
            return "必须是整数"
        if kind == "number" and not one_decimal(value):
            return "最多保留一位小数"
        return None
    if kind == "choice":
        allowed = [c["value"] for c in spec["choices"]]
        if value not in allowed or isinstance(value, bool):
            return "须从以下选择：" + "、".join(f"{c['value']}（{c['label']}）" for c in spec["choices"])
        return None
    if kind == "boolean":
        return None if isinstance(value, bool) else "只能是 true 或 false"
    if kind == "text":
        if not isinstance(value, str):
            return "须是文字"
        return None if len(value) <= limits.MAX_TEXT else f"最多 {limits.MAX_TEXT} 个字"
    if kind == "years":
        if not isinstance(value, list) or not value:
            return "须是年份列表，例如 [2024, 2025]"
        if len(value) > limits.MAX_YEARS_LIST:
            return f"最多 {limits.MAX_YEARS_LIST} 个年度"
        for item in value:
            problem = check_year(item)
            if problem:
                return f"中的 {shown(item, 10)}：{problem}"
        return None
    return "类型未知"


def normalise_value(spec: dict, value: object) -> object:
    if spec["type"] == "integer":
        return int(value)
    if spec["type"] == "number":
        return float(value)
    if spec["type"] == "years":
        return sorted({int(v) for v in value})
    return value
