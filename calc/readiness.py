"""Readiness: can this person apply for the title they chose, as far as hours go, as of today? The
one place the verdict is decided (its words are calc/result_words.py's).

A verdict is judged over every way the missing facts and figures could still turn out (scenario.md,
2026-12-07): the possibilities are the open facts' values (calc/possibilities.py) and, within each,
the years whose requirement no source gives (calc/bounds.py, which judges one possibility in its
best and worst case directly instead of trying every figure). `exempt` counts as ready;
- `ready` when every possibility is ready, `not_ready` when none is, else `unknown`, naming each
  fact whose value can change the status (`missing`), the years whose figures can
  (`unknown_years`), and how many of those must turn out well;
- `reachable` (not ready): whether the best possibility with the hours that open years can still
  take (calc/open_years.py) would be ready; the plan is the least such hours.
Before that, what the notice decides on its own: an application year it does not govern (unknown,
saying why), an exemption, a hand-off to an industry's rules; after it, a rule that makes the hours
a reference only keeps the verdict by the hours beside its own status.

The status is about the hours entered as done; planned entries are judged apart (`after_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from calc import bounds, planning, ruledata
from calc.bounds import EITHER, MET, Outcome
from calc.exemption import exemption
from calc.ledger import Ledger
from calc.open_years import OpenYears
from calc.possibilities import (
    FULL, RuleOption, Share, reductions, rule_options, shares_of, tenure_dependent_years, tenure_values, with_target,
)
from calc.requirement import transfer_in_year
from calc.scenario import Person, Scenario
from calc.window import Window, window_of

EXEMPT_KEY = (True, True, True, 0, (), 0)


@dataclass
class Decision:
    """The verdict on a title application as decided, for result_words to put in words."""

    status: str
    case: str  # invalid | outside | exempt | handoff | no_rule | judged
    scenario: Scenario
    ledger: Ledger  # the years as shown: the possibility drawn (facts as entered, the site's readings)
    open_years: OpenYears
    rule: dict | None = None  # the rule drawn
    exemption: dict | None = None  # the exemption, or (case judged) the rule making the hours a reference
    handoff: dict | None = None
    handoff_years: list[int] = field(default_factory=list)  # handoff: the window by the general rules (hours for reference)
    by_hours: str | None = None  # a reference-only verdict: the status by the hours themselves
    shown: Outcome | None = None  # the possibility drawn
    exempt_by: str | None = None  # judged exempt: age (a reduction), none (the rule asks no hours), transfer
    share: Share = FULL  # the drawn possibility's share of the requirement
    share_known: bool = True  # the facts given decide the reduction (or there is none)
    ages: list[int] = field(default_factory=list)  # the person's possible ages on the application date
    by_degree: list[dict] = field(default_factory=list)  # no rule: the notice's rules for this by degree
    reachable: bool | None = None
    missing: list[dict] = field(default_factory=list)  # facts whose value can change it {part, name}
    unknown_years: list[int] = field(default_factory=list)  # years whose figures can change it
    must: int = 0  # how many of them must turn out well (the drawn possibility)
    reading: dict | None = None  # a reduction whose two readings give different verdicts
    plan: dict | None = None  # the least hours in open years (planning.plan)
    plan_is_alternative: bool = False  # unknown: the plan lessens what must turn out well (else: what makes it ready)
    must_after_plan: int = 0  # unknown: how many of the unknown years must still turn out well after the plan
    empty_years: list[int] = field(default_factory=list)  # years over, nothing entered, that could change it
    after_plan: str | None = None  # the status once the planned entries are done

    @property
    def target(self):
        return self.scenario.target

    @property
    def window(self) -> Window | None:
        return self.shown.window if self.shown else None

    def moved_in(self) -> tuple[int | None, list[int]]:
        """The year the person moved into the region (合肥 四), and the window's years before it."""
        moved = transfer_in_year(self.scenario.policy, self.scenario.person)
        years = self.window.years if self.window else ()
        return moved, [y for y in years if moved is not None and y < moved]


class Ledgers:
    """The ledgers the possibilities need, each built once: a tenure start changes the lines only
    where something entered depends on it; a window's empty years change them only through a
    make-up rule (hours of a year fill the year before)."""

    def __init__(self, scenario: Scenario, extra: set[int]):
        self.scenario = scenario
        self.extra = set(extra)
        self.by_tenure = bool(tenure_dependent_years(scenario))
        self.make_up = any(not m.get("person_flag") or scenario.person.flag(m["person_flag"]) for m in scenario.policy.get("make_up", []))
        self.built: dict[tuple, Ledger] = {}

    def scenario_with(self, tenure: int | None) -> Scenario:
        if tenure is None or self.scenario.person.tenure_start == tenure:
            return self.scenario
        person = Person(dict(self.scenario.person.facts), self.scenario.person.specs)
        person.set("tenure_start", tenure)
        return replace(self.scenario, person=person)

    def get(self, tenure: int | None, years: tuple[int, ...]) -> Ledger:
        key_tenure = tenure if self.by_tenure else None
        base = self.built.get((key_tenure, frozenset()))
        missing = frozenset(set(years) - set(base.years)) if base is not None and self.make_up else frozenset()
        key = (key_tenure, missing)
        if key not in self.built:
            extra = self.extra | set(years)
            self.built[key] = Ledger(self.scenario_with(tenure if self.by_tenure else None), extra_years=extra)
        return self.built[key]


class Possibilities:
    """Every possibility of an application and its outcome, computed once each."""

    def __init__(self, scenario: Scenario, today: date, extra: set[int]):
        self.scenario = scenario
        self.open_years = OpenYears(scenario, today)
        self.options, self.target_facts = rule_options(scenario)
        self.judged = [o for o in self.options if o.rule is not None]
        self.rules = unique([o.rule for o in self.judged])
        self.tenures = tenure_values(scenario, self.rules)
        self.reductions = reductions(scenario)
        self.ledgers = Ledgers(scenario, extra)
        self.outcomes: dict[tuple, Outcome | None] = {}

    def shown_rule(self) -> dict | None:
        """The rule drawn: the one most combinations of the open target facts lead to."""
        if not self.rules:
            return None
        counts = [sum(1 for o in self.judged if o.rule is r) for r in self.rules]
        return self.rules[counts.index(max(counts))]

    def shown_tenure(self) -> int | None:
        """The tenure start drawn: the one given, else the earliest year entered (everything entered
        falls in the tenure), else the application year."""
        if len(self.tenures) == 1:
            return self.tenures[0]
        entered = [a.year for a in self.scenario.activities if a.year <= self.scenario.target.year]
        start = min(entered) if entered else self.scenario.target.year
        return min(self.tenures, key=lambda t: (abs(t - start), t))

    def shown_share(self) -> Share:
        """The share drawn: the reduction of the facts given where they decide it, else none."""
        rules = self.reductions.rules()
        return shares_of(rules[0])[0] if len(rules) == 1 else FULL

    def window(self, rule: dict, tenure: int | None) -> Window:
        return window_of(self.scenario, rule, tenure)

    def outcome(self, rule: dict, tenure: int | None, share: Share) -> Outcome | None:
        """The outcome of one possibility; None where it is exempt (it counts as ready)."""
        key = (id(rule), tenure, share)
        if key not in self.outcomes:
            self.outcomes[key] = self._judge(rule, tenure, share)
        return self.outcomes[key]

    def _judge(self, rule: dict, tenure: int | None, share: Share) -> Outcome | None:
        if share.exempt or rule["window"]["mode"] == "none":
            return None
        window = self.window(rule, tenure)
        if window.needed == 0:
            return None
        ledger = self.ledgers.get(tenure, window.years)
        return bounds.judge(self.ledgers.scenario_with(tenure), ledger, window, share, tenure, self.open_years)

    def all(self) -> list[tuple[RuleOption, int | None, dict | None, Share, Outcome | None]]:
        found = []
        for option in self.judged:
            for tenure in self.tenures:
                for reduction in self.reductions.rules():
                    for share in shares_of(reduction):
                        found.append((option, tenure, reduction, share, self.outcome(option.rule, tenure, share)))
        return found


def key_of(outcome: Outcome | None) -> tuple:
    return EXEMPT_KEY if outcome is None else outcome.key()


def unique(items: list) -> list:
    found = []
    for item in items:
        if not any(item is f for f in found):
            found.append(item)
    return found


def decide(scenario: Scenario, today: date, extra_years: set[int] = frozenset()) -> Decision:
    """The verdict on the scenario's title application as of `today` (module docstring).
    `extra_years`: years the report's ledger shows besides the window's (those of planned entries)."""
    target = scenario.target
    policy = scenario.policy
    rules = policy["readiness"]
    found = Possibilities(scenario, today, extra_years)
    if not ruledata.in_years(target.year, rules["applications"]):
        return Decision("unknown", "outside", scenario, found.ledgers.get(None, ()), found.open_years)
    shown_rule = found.shown_rule()
    shown_tenure = found.shown_tenure()
    window = found.window(shown_rule, shown_tenure) if shown_rule else None
    ledger = found.ledgers.get(shown_tenure, window.years if window else ())
    decision = Decision("unknown", "judged", scenario, ledger, found.open_years, rule=shown_rule)
    exempt = exemption(scenario, list(window.years) if window else [], "exempt")
    if exempt:
        return replace(decision, status="exempt", case="exempt", exemption=exempt)
    if ledger.handoff is not None:
        return replace(decision, status=ledger.handoff.get("status", "industry_rules"), case="handoff", handoff=ledger.handoff,
                       handoff_years=list(window.years) if window else [])
    if shown_rule is None:
        by_degree = [e for e in rules["targets"] if e.get("degree") and target.type in e["types"] and target.level in e["levels"]]
        return replace(decision, case="no_rule", by_degree=by_degree)
    decision = judged(decision, found, shown_tenure)
    reference = exemption(scenario, list(window.years), "reference_only")
    if reference:
        decision.by_hours, decision.status, decision.exemption = decision.status, reference.get("status", "reference_only"), reference
    return decision


def judged(decision: Decision, found: Possibilities, shown_tenure: int | None) -> Decision:
    """The verdict from the bounds of every possibility (module docstring)."""
    scenario = decision.scenario
    decision.case = "judged"
    decision.share = found.shown_share()
    decision.share_known = len(found.reductions.rules()) == 1
    decision.ages = sorted({age for (_g, age) in found.reductions.cases}) if found.reductions.cases else []
    shown = found.outcome(decision.rule, shown_tenure, decision.share)
    decision.shown = shown
    everything = found.all()
    outcomes = [o for *_, o in everything]
    worst = all(o is None or o.worst for o in outcomes)
    best = any(o is None or o.best for o in outcomes)
    decision.status = "ready" if worst else ("unknown" if best else "not_ready")
    if all(o is None for o in outcomes):
        decision.status = "exempt"
        decision.exempt_by = exempt_by(decision, found, shown_tenure)
        return decision
    if decision.status == "ready":
        return decision
    decision.reachable = any(o is None or o.reach for o in outcomes)
    decision.missing = deciding_facts(found, everything)
    decision.reading = deciding_reading(found)
    undecided = [o for o in outcomes if o is not None and o.best and not o.worst]
    decision.unknown_years = sorted({y for o in undecided for y, c in o.calls.items() if c.state == EITHER})
    if shown is not None:
        decision.must = shown.need if shown.best and not shown.worst else 0
    choose_plan(decision, found)
    decision.empty_years = empty_years(decision)
    return decision


def exempt_by(decision: Decision, found: Possibilities, tenure: int | None) -> str:
    """Why no hours are asked in any possibility: the rule asks none (none), a move from a
    civil-service post leaves no year to meet (transfer), or an age reduction (age)."""
    if decision.rule["window"]["mode"] == "none":
        return "none"
    if found.window(decision.rule, tenure).needed == 0:
        return "transfer"
    return "age"


def deciding_facts(found: Possibilities, everything: list) -> list[dict]:
    """Each open fact whose value can change the outcome, the others held at any of their values."""
    names: list[tuple[str, str]] = []
    scenario = found.scenario

    def varies(group_key, value_of) -> bool:
        groups: dict = {}
        for entry in everything:
            groups.setdefault(group_key(entry), set()).add((value_of(entry), key_of(entry[-1])))
        for pairs in groups.values():
            if len({k for _, k in pairs}) > 1:
                return True
        return False

    for name in found.target_facts:
        def others(entry, name=name):
            option, tenure, _reduction, share, _ = entry
            return (tuple((n, v) for n, v in option.values if n != name), tenure, share)
        if varies(others, lambda e, name=name: dict(e[0].values).get(name)):
            names.append(("target", name))
    if len(found.tenures) > 1 and varies(lambda e: (e[0].values, e[3]), lambda e: e[1]):
        names.append(("person", "tenure_start"))
    cases = found.reductions.cases
    if cases:
        person = scenario.person
        outcome_of = {}
        for option in found.judged:
            for tenure in found.tenures:
                for rule in found.reductions.rules():
                    outcome_of[(id(option.rule), tenure, id(rule))] = tuple(
                        key_of(found.outcome(option.rule, tenure, s)) for s in shares_of(rule))
        contexts = {(id(o.rule), t) for o in found.judged for t in found.tenures}

        def differs(pairs) -> bool:
            for context in contexts:
                seen = {outcome_of[(*context, id(rule))] for rule in pairs}
                if len(seen) > 1:
                    return True
            return False

        genders = found.reductions.genders
        ages = sorted({a for (_g, a) in cases})
        if person.gender is None and any(differs([cases[(g, a)] for g in genders]) for a in ages):
            names.append(("person", "gender"))
        if person.birth_date is None or len(ages) > 1:
            if any(differs([cases[(g, a)] for a in ages]) for g in genders):
                names.append(("person", "birth_date"))
    return [{"part": part, "name": name} for part, name in names]


def deciding_reading(found: Possibilities) -> dict | None:
    """A reduction whose clause, read the other way, gives another outcome in some possibility."""
    for rule in found.reductions.rules():
        shares = shares_of(rule)
        if len(shares) < 2:
            continue
        for option in found.judged:
            for tenure in found.tenures:
                if len({key_of(found.outcome(option.rule, tenure, s)) for s in shares}) > 1:
                    return rule
    return None


def choose_plan(decision: Decision, found: Possibilities) -> None:
    """The least hours in open years to offer: not ready, the plan of the drawn possibility where it
    can be reached, else of another possibility under the site's readings that can (its facts are
    then among those to fill in); undecided, a plan that makes it ready whatever the open figures."""
    shown = decision.shown
    scenario = decision.scenario
    if decision.status == "unknown":
        if shown is not None and shown.helpful_gaps and not decision.missing:
            decision.plan_is_alternative = True
            decision.must_after_plan = shown.helpful_need
            ledger = found.ledgers.get(shown.tenure, shown.window.years)
            decision.plan = planning.plan(found.ledgers.scenario_with(shown.tenure), ledger, shown.helpful_gaps, found.open_years)
        return
    if not decision.reachable:
        return
    candidates = [shown] if shown is not None and shown.reach and shown.plan_gaps is not None else []
    if not candidates:
        candidates = sorted(
            (o for (_opt, _t, _r, share, o) in found.all() if o is not None and not share.other_reading and o.reach and o.plan_gaps is not None),
            key=lambda o: sum(g["public"] + g["professional"] for g in o.plan_gaps),
        )
    if candidates and candidates[0].plan_gaps:
        chosen = candidates[0]
        ledger = found.ledgers.get(chosen.tenure, chosen.window.years)
        decision.plan = planning.plan(found.ledgers.scenario_with(chosen.tenure), ledger, chosen.plan_gaps, found.open_years)
        # the years whose figures the plan still relies on are among those to fill in first
        decision.unknown_years = sorted(set(decision.unknown_years) | set(chosen.relied))


def empty_years(decision: Decision) -> list[int]:
    """Years of the drawn window that are over, with nothing entered as done, and that could change
    the verdict if hours had been entered: named, since blank rows read as zero."""
    shown = decision.shown
    if shown is None or decision.status == "ready":
        return []
    empty = [y for y, c in shown.calls.items() if not c.entered and c.state != MET and not c.fixable]
    if not empty:
        return []
    calls = {y: replace(c, state=MET, gap={"year": y, "public": 0, "professional": 0}) if y in empty else c for y, c in shown.calls.items()}
    filled = bounds.outcome(shown.window, shown.share, calls, shown.average, shown.conversion, shown.tenure)
    return sorted(empty) if filled.key() != shown.key() else []


def invalid(scenario: Scenario, today: date) -> Decision:
    """A title application that cannot be read (its errors are in the report)."""
    return Decision("unknown", "invalid", scenario, Ledger(scenario), None)
