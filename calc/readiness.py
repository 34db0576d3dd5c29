"""Readiness: can this person apply for the title they chose, as far as hours go?

The steps, each in its own module: the window of years and the notice's rule for the application
(calc/window.py), exemptions and age reductions (calc/exemption.py), whole years the application
fills in the ledger (calc/title_credits.py), then the years of the window judged here; what the
verdict says is calc/verdict.py's. Outside the application years the notices govern, the verdict
is `unknown`, saying why.

A verdict that a fact not yet given could change is `unknown`, naming the fact (`missing`): an
age reduction without gender or birth date, a tenure window without 任现职, a rule that depends on
the degree. Facts whose absence is checked by computing the verdict again (任现职 for 任现职期间
achievements, the degree for a degree route) are calc/open_facts.py's.

Hours are planned only where they can still be taken: the application year, or a year a make-up
rule still reaches from it (calc/planning.py); calc has no clock, so "over" is relative to the
application, never to today.
"""

from __future__ import annotations

from calc import planning, ruledata, verdict
from calc.exemption import age_reduction, exemption
from calc.ledger import EPSILON, Ledger, Year
from calc.requirement import transfer_in_year
from calc.scenario import Scenario
from calc.title_credits import apply_any_year_completion, apply_window_conversions
from calc.vocabulary import CATEGORY, hours
from calc.verdict import Verdict
from calc.window import Window, window_of


class Assessment:
    def __init__(self, scenario: Scenario, ledger: Ledger, window: Window):
        self.scenario = scenario
        self.policy = scenario.policy
        self.rules = scenario.policy["readiness"]
        self.ledger = ledger
        self.window = window
        self.target = scenario.target
        self.verdict = Verdict(self.policy, self.target)
        self.share = 1.0  # of each requirement, after an age reduction
        self.share_text: str | None = None  # the share in the notice's words (1/3)
        self.reduction_open = False  # the notice reduces by age, and gender or birth date is missing
        self.judged: dict[int, tuple[bool | None, dict]] = {}

    def result(self, status: str, **extra) -> dict:
        return self.verdict.result(status, self.window.years, **extra)

    def run(self) -> dict:
        target, rule, say = self.target, self.window.rule, self.verdict
        if not ruledata.in_years(target.year, self.rules["applications"]):
            say.outside_years(self.rules["outside_note"])
            return self.result("unknown")
        exempt = exemption(self.scenario, self.window.years, "exempt")
        if exempt:
            say.exempted(exempt)
            return self.result("exempt")
        if self.ledger.handoff is not None:
            say.handed_off(self.ledger.handoff)
            return self.result(self.ledger.handoff.get("status", "industry_rules"))
        say.defaults_assumed(self.policy, self.scenario.person)
        reduction = age_reduction(self.scenario)
        if reduction is not None:
            say.reduction(reduction, self.rules.get("reductions_reading"))
            if reduction.exempts:
                return self.result("exempt")
            self.share = reduction.share
            if reduction.rule is not None and reduction.rule.get("fraction"):
                self.share_text = "{}/{}".format(*reduction.rule["fraction"])
            self.reduction_open = reduction.facts_missing
        if rule is None:
            by_degree = [e for e in self.rules["targets"] if e.get("degree") and target.type in e["types"] and target.level in e["levels"]]
            say.no_rule(by_degree, target.degree is None)
            if by_degree and target.degree is None:
                say.missing_fact("target", "degree")
            return self.result("unknown")
        say.rule(rule)
        if rule["window"]["mode"] == "none":
            return self.result("exempt")
        if self.window.problem:
            say.say(self.window.problem)
            for name in self.window.missing:
                say.missing_fact("person", name)
            return self.result("unknown")
        if self.window.transfer_year is not None:
            say.transfer(self.window.transfer_year, self.rules["transfer"])
        moved = transfer_in_year(self.policy, self.scenario.person)
        before = [y for y in self.window.years if moved is not None and y < moved]
        if before:
            say.transfer_in(moved, before, self.policy["transfer_in"])
        if self.window.needed == 0:
            say.say(verdict.NO_HOURS_YET)
            return self.result("exempt")
        apply_window_conversions(self.scenario, self.ledger, self.window.years, say)
        apply_any_year_completion(self.scenario, self.ledger, self.window.years, lambda y: self.judge(y)[0], say)
        outcome = self.judge_window()
        if outcome["status"] != "ready":
            outcome = self.open_facts(outcome)
        reference = exemption(self.scenario, self.window.years, "reference_only")
        return say.reference_only(reference, outcome) if reference else outcome

    def open_facts(self, outcome: dict) -> dict:
        """A verdict short of ready that a missing fact could still change is `unknown`, naming it:
        an age reduction (gender, birth date: 1/3 or none of the hours), a whole-tenure conversion
        that needs 任现职 to be used."""
        say = self.verdict
        if self.reduction_open:
            say.reduction_needs_facts(outcome["status"])
            for name in ("gender", "birth_date"):
                if getattr(self.scenario.person, name) is None:
                    say.missing_fact("person", name)
        if say.conversion_waiting and self.scenario.person.tenure_start is None:
            say.missing_fact("person", "tenure_start")
        if say.missing:
            outcome["status"] = "unknown"
            outcome["plan"] = None
        return outcome

    # -- judging the window ----------------------------------------------------------------------

    def waived(self, year: int) -> set[str]:
        return {w["category"] for w in self.window.rule["window"].get("waive", []) if w.get("year") == year}

    def judge(self, year: Year) -> tuple[bool | None, dict]:
        """Whether a year meets its requirement for this application, and its shortfall."""
        gap = {"year": year.year, "public": 0, "professional": 0}
        if year.complete:
            return True, gap
        if not year.judged or not year.requirement.annual:
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

    def judge_window(self) -> dict:
        spec = self.window.rule["window"]
        mode = spec["mode"]
        judged = self.judged
        average_before = spec.get("average_before")
        annual_years = [y for y in self.window.years if average_before is None or y >= average_before]
        for y in annual_years:
            judged[y] = self.judge(self.ledger.years[y])
            self.verdict.year(self.ledger.years[y], *judged[y], self.waived(y), self.share)
        met = [y for y in annual_years if judged[y][0] is True]
        unknown = [y for y in annual_years if judged[y][0] is None]
        short = [judged[y][1] for y in annual_years if judged[y][0] is False]
        needed = self.window.needed
        common = {"judged": judged, "share": self.share, "share_text": self.share_text, "waived": {y: self.waived(y) for y in annual_years},
                  "unknown_years": [y for y in unknown if self.ledger.years[y].requirement.annual]}
        if mode in ("since", "recent"):
            counted = sorted(met)[-needed:] if len(met) >= needed else sorted(met)
            if len(met) >= needed:
                self.verdict.enough_years(len(met), needed)
                return self.result("ready", years_needed=needed, years_counted=counted, **common)
            status = "unknown" if len(met) + len(unknown) >= needed else "not_ready"
            self.verdict.too_few_years(len(met), len(unknown), needed)
            # hours can be added only where they can still be taken (the application year, or a year
            # a make-up rule reaches from it): the plan closes the cheapest of those gaps, and only
            # when closing them gives enough met years (else it would not change the verdict)
            open_gaps = [g for g in short if self.reachable(g["year"])]
            plan = None
            if len(met) + len(open_gaps) >= needed:
                plan = self.plan(planning.cheapest(open_gaps, needed - len(met)))
            closed = sorted(g["year"] for g in short if not self.reachable(g["year"]))
            return self.result(status, years_needed=needed, years_counted=counted, shortfall=short,
                               plan=plan, closed_years=closed if plan is None else [], **common)
        # listed and tenure: every year must be met
        status = "not_ready" if short else ("unknown" if unknown else "ready")
        closed = sorted(g["year"] for g in short if not self.reachable(g["year"]))
        if average_before is not None:
            early = [y for y in self.window.years if y < average_before]
            if early:
                total = sum(self.ledger.years[y].total for y in early)
                if not self.verdict.average(early, total, spec["average"]):
                    status = "not_ready"
                    closed = sorted(set(closed) | {y for y in early if not self.reachable(y)})
        plan = self.plan(short) if short and not closed else None
        return self.result(status, years_needed=needed, years_counted=sorted(met), shortfall=short,
                           plan=plan, closed_years=closed, **common)

    def reachable(self, year: int) -> bool:
        return planning.taken_in(self.scenario, self.ledger.years, year) is not None

    def plan(self, gaps: list[dict]) -> dict:
        return planning.plan(self.scenario, self.ledger.years, gaps)


def assess(scenario: Scenario, ledger: Ledger, window: Window | None) -> dict | None:
    """The report's `readiness` entry as decided (its words are added by verdict.with_words), or
    None without an application."""
    if scenario.target is None:
        return verdict.invalid_target() if scenario.target_invalid else None
    return Assessment(scenario, ledger, window).run()


def decide(scenario: Scenario) -> tuple[Ledger, Window | None, dict | None]:
    """The ledger, the window and the verdict of a scenario, as entered."""
    window = window_of(scenario)
    ledger = Ledger(scenario, extra_years=set(window.years) if window else set())
    return ledger, window, assess(scenario, ledger, window)
