"""Readiness: can this person apply for the title they chose, as far as hours go?

The policy data says, for each kind of application, which years count and how many must be met
(policies/schema.py, Window), which exemptions and reductions exist, and which application
years the notices govern at all. Outside that the verdict is `unknown`, saying why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calc import planning, ruledata
from calc.conversion import ANY_TENURE_YEAR, rule_line
from calc.ledger import EPSILON, Ledger, Year
from calc.scenario import Scenario, Target
from calc.text import CATEGORY, STATUS, fmt, hours, target_label


@dataclass
class Plan:
    """The application's rule and the years it looks at, known before the ledger is built."""

    entry: dict | None
    years: list[int] = field(default_factory=list)
    needed: int = 0
    transfer_year: int | None = None
    problem: str | None = None  # why the years cannot be known (e.g. no tenure_start)


def find_entry(readiness: dict, target: Target) -> dict | None:
    for entry in readiness["targets"]:
        if target.type not in entry["types"] or target.level not in entry["levels"]:
            continue
        if entry.get("degree") and target.degree not in entry["degree"]:
            continue
        if entry.get("has_deputy_senior") is not None and entry["has_deputy_senior"] != target.has_deputy_senior:
            continue
        return entry
    return None


def transfer_year(scenario: Scenario, until: int) -> int | None:
    """The latest move from a civil-service post (the kind `readiness.transfer` names) up to `until`."""
    rule = scenario.policy["readiness"].get("transfer")
    if rule is None:
        return None
    years = [a.year for a in scenario.activities if a.kind["id"] == rule["kind"] and a.year <= until]
    return max(years) if years else None


def plan(scenario: Scenario) -> Plan | None:
    target = scenario.target
    if target is None:
        return None
    readiness = scenario.policy["readiness"]
    entry = find_entry(readiness, target)
    result = Plan(entry=entry)
    if entry is None or not ruledata.in_years(target.year, readiness["applications"]):
        return result
    window = entry["window"]
    mode, year = window["mode"], target.year
    if mode == "since":
        years, needed = list(range(window["since"], year + 1)), window["count"]
    elif mode == "recent":
        years, needed = list(range(year - window["span"] + 1, year + 1)), window["count"]
    elif mode == "listed":
        years = list(window["years"])
        needed = len(years)
    elif mode == "tenure":
        start = scenario.person.tenure_start
        if start is None:
            result.problem = "需要知道任现职年度（从哪一年起任现职）才能确定核验哪些年度，请在个人信息中填写。"
            return result
        years = list(range(start, year + 1))
        needed = len(years)
    else:
        return result
    moved = transfer_year(scenario, year)
    if moved is not None and moved < year:
        result.transfer_year = moved
        kept = [y for y in years if y > moved]
        needed = min(needed, len(kept)) if mode in ("since", "recent") else len(kept)
        years = kept
    result.years, result.needed = years, needed
    return result


def age_on(born: date, when: date) -> int:
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


class Assessment:
    def __init__(self, scenario: Scenario, ledger: Ledger, the_plan: Plan):
        self.scenario = scenario
        self.policy = scenario.policy
        self.rules = scenario.policy["readiness"]
        self.ledger = ledger
        self.plan = the_plan
        self.target = scenario.target
        self.reasons: list[str] = []
        self.citations: list[str] = []
        self.share = 1.0

    def cite(self, cites: list[dict]) -> str:
        text = ruledata.cites_text(self.policy, cites)
        for part in text.split("；"):
            if part not in self.citations:
                self.citations.append(part)
        return text

    def verdict(self, status: str, **extra) -> dict:
        result = {
            "status": status,
            "target": target_label(self.target),
            "years_needed": extra.pop("years_needed", 0),
            "years_counted": extra.pop("years_counted", []),
            "window": self.plan.years,
            "shortfall": extra.pop("shortfall", []),
            "reasons": self.reasons,
            "citations": self.citations,
        }
        result.update(extra)
        return result

    def run(self) -> dict:
        target, entry = self.target, self.plan.entry
        if not ruledata.in_years(target.year, self.rules["applications"]):
            self.reasons.append(self.rules["outside_note"].strip())
            return self.verdict("unknown")
        exemption = self.exemption("exempt")
        if exemption:
            return exemption
        if self.ledger.handoff is not None:
            return self.handed_off(self.ledger.handoff)
        if self.reduction_exempts():
            return self.verdict("exempt")
        if entry is None:
            self.reasons.append(f"依据的通知没有规定{target_label(target)}的继续教育学时要求，无法判断。")
            by_degree = [e for e in self.rules["targets"] if e.get("degree") and target.type in e["types"] and target.level in e["levels"]]
            if by_degree and target.degree is None:
                self.reasons.append("该类申报的要求因学历学位而不同，请填写学历（学位）：" + "；".join(e["label"] for e in by_degree))
            return self.verdict("unknown")
        self.reasons.append(f"{entry['label']}（{self.cite(entry['cite'])}）")
        if entry.get("reading"):
            self.reasons.append(f"本站理解：{entry['reading'].strip()}")
        if entry["window"]["mode"] == "none":
            return self.verdict("exempt")
        if self.plan.problem:
            self.reasons.append(self.plan.problem)
            return self.verdict("unknown")
        if self.plan.transfer_year is not None:
            rule = self.rules["transfer"]
            self.reasons.append(
                f"{self.plan.transfer_year}年从公务员岗位转任：{rule['reading'].strip()}（{self.cite(rule['cite'])}）"
            )
        self.explain_transfer_in()
        if self.plan.needed == 0:
            self.reasons.append("按转任实际年限，尚无须完成学时的年度。")
            return self.verdict("exempt")
        self.apply_window_conversions()
        self.apply_any_year_completion()
        outcome = self.judge_window()
        reference = self.exemption("reference_only", underlying=outcome)
        return reference or outcome

    # -- exemptions and reductions ------------------------------------------------------------

    def exemption(self, status: str, underlying: dict | None = None) -> dict | None:
        target, person = self.target, self.scenario.person
        window = set(self.plan.years) | {target.year}
        for rule in self.rules.get("exemptions", []):
            if rule.get("status", "exempt") != status:
                continue
            if rule.get("types") and target.type not in rule["types"]:
                continue
            if rule.get("levels") and target.level not in rule["levels"]:
                continue
            if rule.get("person") and not person.matches(rule["person"]):
                continue
            if rule.get("kind_in_application_year") and not self.has_kind(rule["kind_in_application_year"], {target.year}):
                continue
            if rule.get("kind_in_window") and not self.has_kind(rule["kind_in_window"], window):
                continue
            if rule.get("kind_any_year") and not self.has_kind(rule["kind_any_year"], None):
                continue
            if not (rule.get("person") or rule.get("kind_in_application_year") or rule.get("kind_in_window") or rule.get("kind_any_year")):
                continue
            if underlying is None:
                self.reasons.insert(0, f"{rule['label']}（{self.cite(rule['cite'])}）")
                return self.verdict(status)
            reasons = [f"{rule['label']}（{self.cite(rule['cite'])}）"]
            reasons.append(f"仅供参考：按学时本身判断为“{STATUS[underlying['status']]}”。")
            underlying["reasons"] = reasons + underlying["reasons"]
            underlying["status"] = status
            return underlying
        return None

    def has_kind(self, kind_id: str, years: set[int] | None) -> bool:
        """An entry of the kind in one of `years` (None: in any year)."""
        return any(a.kind["id"] == kind_id and (years is None or a.year in years) for a in self.scenario.activities)

    def handed_off(self, rule: dict) -> dict:
        """The notice hands this person to other rules: say whose, and what to do, never a verdict
        by the general figures (they are in the years, for reference)."""
        self.reasons.append(f"{rule['label']}（{self.cite(rule['cite'])}）")
        self.reasons.append(f"下一步：{rule['next_step'].strip()}")
        self.reasons.append("按一般规定计算的各年度学时见上方，仅供参考，不作为是否符合要求的判断。")
        return self.verdict(rule.get("status", "industry_rules"))

    def explain_transfer_in(self) -> None:
        from calc.requirement import transfer_in_year  # noqa: PLC0415

        moved = transfer_in_year(self.policy, self.scenario.person)
        before = [y for y in self.plan.years if moved is not None and y < moved]
        if not before:
            return
        rule = self.policy["transfer_in"]
        span = f"{before[0]}—{before[-1]}年" if len(before) > 1 else f"{before[0]}年"
        self.reasons.append(
            f"{moved}年自外地调入：{rule['text'].strip().rstrip('。')}（{self.cite(rule['cite'])}）。"
            f"{span}在调入以前，按原地区的规定判断" + (f"。本站理解：{rule['reading'].strip()}" if rule.get("reading") else "")
        )

    def reduction_exempts(self) -> bool:
        """Age reductions (Hohhot): exempt, or a share of each requirement (self.share)."""
        rules = [r for r in self.rules.get("reductions", []) if self.target.type in r["types"]]
        if not rules:
            return False
        person = self.scenario.person
        if person.gender is None or person.birth_date is None:
            self.reasons.append("按年龄减免学时须知道性别和出生日期；未填写，按全额要求判断。")
            return False
        age = age_on(person.birth_date, self.target.date)
        for rule in rules:
            if rule["gender"] != person.gender or age < rule["min_age"]:
                continue
            if rule.get("max_age") is not None and age > rule["max_age"]:
                continue
            when = self.target.date.isoformat()
            reading = self.rules.get("reductions_reading")
            if rule.get("fraction") is None:
                self.reasons.append(f"申报时（{when}）年满{age}周岁，不再要求继续教育学时（{self.cite(rule['cite'])}）")
                if reading:
                    self.reasons.append(reading.strip())
                return True
            top, bottom = rule["fraction"]
            self.share = top / bottom
            self.reasons.append(
                f"申报时（{when}）年满{age}周岁，每年要求减为规定学时的{top}/{bottom}（{self.cite(rule['cite'])}）"
            )
            if rule.get("reading"):
                self.reasons.append(f"本站理解：{rule['reading'].strip()}")
            if reading:
                self.reasons.append(reading.strip())
            return False
        return False

    # -- activities that fill whole years for an application ------------------------------------

    def apply_window_conversions(self) -> None:
        tenure = self.scenario.person.tenure_start
        for rule in self.rules.get("window_conversions", []):
            if not ruledata.in_years(self.target.year, rule["applications"]):
                continue
            found = [a for a in self.scenario.activities if a.kind["id"] == rule["kind"] and a.year <= self.target.year]
            if not found:
                continue
            if tenure is None:
                self.reasons.append(f"{rule['label']}：须填写任现职年度才能确认学历（学位）是任现职期间取得的，暂未使用。")
                continue
            used = [a for a in found if a.year >= tenure]
            if not used:
                continue
            activity = used[0]
            self.reasons.append(f"{rule['label']}（{self.cite(rule['cite'])}）" + (f"。{rule['reading']}" if rule.get("reading") else ""))
            for year in self.plan.years:
                line = rule_line(self.policy, activity.kind, activity, year, 0)
                line.effect = "whole_professional"
                line.notes.append(f"{self.target.year}年申报：{rule['label']}")
                self.ledger.professional_full(year, line)

    def apply_any_year_completion(self) -> None:
        tenure = self.scenario.person.tenure_start
        for year_entry in list(self.ledger.years.values()):
            for line in list(year_entry.lines):
                if line.effect != ANY_TENURE_YEAR or line.activity is None or line.year != year_entry.year:
                    continue
                if line.category is not None:
                    continue
                open_years = [y for y in self.plan.years if (tenure is None or y >= tenure) and self.judge(self.ledger.years[y])[0] is not True]
                if not open_years:
                    line.notes.append("申报所需年度均已达标，未使用")
                    continue
                chosen = open_years[0]
                line.notes.append(f"已用于{chosen}年（视同完成当年学时）")
                self.ledger.complete_year(chosen, line)
                self.reasons.append(f"{line.name}：视同完成{chosen}年的学时（{line.citation}）")
                for part in line.citation.split("；"):
                    if part not in self.citations:
                        self.citations.append(part)

    # -- judging the window ----------------------------------------------------------------------

    def waived(self, year: int) -> set[str]:
        window = self.plan.entry["window"]
        return {w["category"] for w in window.get("waive", []) if w.get("year") == year}

    def judge(self, year: Year) -> tuple[bool | None, dict]:
        """Whether a year meets its requirement for this application, and its shortfall."""
        gap = {"year": year.year, "public": 0, "professional": 0}
        if year.complete:
            return True, gap
        if not year.requirement.annual:
            return None, gap
        unknown = False
        for category in CATEGORY:
            if category in self.waived(year.year):
                continue
            short = year.shortfall(category, self.share)
            if short is None:
                unknown = True
            else:
                gap[category] = hours(short) if short > EPSILON else 0
        if gap["public"] or gap["professional"]:
            return False, gap
        return (None if unknown else True), gap

    def describe(self, year: Year, met: bool | None, gap: dict) -> str:
        parts = []
        for category in CATEGORY:
            if category in self.waived(year.year):
                parts.append(f"{CATEGORY[category]}不作要求")
                continue
            needed = getattr(year.requirement, category)
            needed = None if needed is None else needed * self.share
            parts.append(f"{CATEGORY[category]}{fmt(year.hours(category))}/{fmt(needed)}")
        figures = "，".join(parts)
        if year.complete:
            return f"{year.year}年：视同完成全部学时"
        if met is True:
            return f"{year.year}年：达标（{figures}）"
        if met is False:
            short = "，".join(f"{CATEGORY[c]}差{fmt(gap[c])}学时" for c in CATEGORY if gap[c])
            return f"{year.year}年：未达标（{figures}；{short}）"
        if not year.requirement.annual:
            return f"{year.year}年：{year.requirement.note or '不按年度判断'}"
        source = "当年要求未知，可填写您所在地通知的要求" if year.requirement.source is None else ""
        return f"{year.year}年：无法判断（{figures}；{source}）"

    def judge_window(self) -> dict:
        window = self.plan.entry["window"]
        mode = window["mode"]
        judged: dict[int, tuple[bool | None, dict]] = {}
        average_before = window.get("average_before")
        annual_years = [y for y in self.plan.years if average_before is None or y >= average_before]
        for y in annual_years:
            judged[y] = self.judge(self.ledger.years[y])
            self.reasons.append(self.describe(self.ledger.years[y], *judged[y]))
        met = [y for y in annual_years if judged[y][0] is True]
        unknown = [y for y in annual_years if judged[y][0] is None]
        short = [judged[y][1] for y in annual_years if judged[y][0] is False]
        needed = self.plan.needed
        if mode in ("since", "recent"):
            counted = sorted(met)[-needed:] if len(met) >= needed else sorted(met)
            if len(met) >= needed:
                self.reasons.append(f"已有{len(met)}个达标年度，满足所需的{needed}个。")
                return self.verdict("ready", years_needed=needed, years_counted=counted)
            status = "unknown" if len(met) + len(unknown) >= needed else "not_ready"
            self.reasons.append(f"需要{needed}个达标年度，目前{len(met)}个" + (f"，另有{len(unknown)}个年度无法判断。" if unknown else "。"))
            to_close = planning.cheapest(short, needed - len(met)) if status == "not_ready" else []
            return self.verdict(status, years_needed=needed, years_counted=counted, shortfall=short,
                                plan=planning.plan(self.policy, self.ledger.years, to_close))
        # listed and tenure: every year must be met
        status = "not_ready" if short else ("unknown" if unknown else "ready")
        if average_before is not None:
            status = self.judge_average(window, average_before, status)
        return self.verdict(status, years_needed=needed, years_counted=sorted(met), shortfall=short,
                            plan=planning.plan(self.policy, self.ledger.years, short))

    def judge_average(self, window: dict, before: int, status: str) -> str:
        early = [y for y in self.plan.years if y < before]
        if not early:
            return status
        total = sum(self.ledger.years[y].total for y in early)
        average = total / len(early)
        needed = window["average"]
        span = f"{early[0]}—{early[-1]}年" if len(early) > 1 else f"{early[0]}年"
        if average + EPSILON >= needed:
            self.reasons.append(f"{span}共{fmt(total)}学时，平均每年{fmt(average)}学时，达到平均每年{fmt(needed)}学时的要求。")
            return status
        missing = needed * len(early) - total
        self.reasons.append(
            f"{span}共{fmt(total)}学时，平均每年{fmt(average)}学时，未达到平均每年{fmt(needed)}学时（还差{fmt(missing)}学时）。"
        )
        return "not_ready"


def assess(scenario: Scenario, ledger: Ledger, the_plan: Plan | None) -> dict | None:
    if scenario.target is None:
        if scenario.target_invalid:
            return {
                "status": "unknown", "years_needed": 0, "years_counted": [], "shortfall": [],
                "reasons": ["申报目标填写不完整或有误（见错误列表），无法判断。"], "citations": [],
            }
        return None
    return Assessment(scenario, ledger, the_plan).run()

