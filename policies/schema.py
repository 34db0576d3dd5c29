"""The shape of a policy file (policies/<id>.yaml), as pydantic models.

Used at build and test time only: `python -m policies.compile` validates every file with these
models and writes the compiled rule data (calc/rules.json) that the calculation core reads at run
time with the standard library alone. `policies/schema.json` is exported from these models for
people who edit the YAML files.

Every number carries a citation: the document (an id under `documents`), the section, and the
clause's own words (`quote`), which must occur in the document's text in sources/. Every name one
part of the file gives another (a kind named by an exemption, a person fact named by a rule, a
field named by a table row) is checked by `references()`; a typo fails the compile with the file
and line.
"""

from __future__ import annotations

from typing import Annotated, Iterator, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, model_validator

Category = Literal["public", "professional"]
TargetType = Literal["review", "recognition", "series_change", "appointment"]
Level = Literal["full_senior", "senior", "intermediate", "assistant", "junior", "clerk"]
Degree = Literal["college", "bachelor", "master", "doctor"]
Group = Literal["course", "training", "achievement", "qualification", "service", "situation", "excluded"]

# Person facts the engine itself understands (policies declare them when their rules need them):
# the current tenure (任现职) for tenure windows and 任现职期间 rules, and age for age reductions.
ENGINE_FACTS = {"tenure_start": "year", "gender": "choice", "birth_date": "date"}


class Strict(BaseModel):
    """Unknown keys are errors, so a typo in a policy file cannot pass silently."""

    model_config = ConfigDict(extra="forbid")


class Cite(Strict):
    doc: str = Field(description="id of a document under `documents`")
    section: str = Field(description="where in the document, e.g. 附件4 2025年 软件著作权")
    quote: str = Field(min_length=4, description="the clause's own words, verbatim from the source text")


Cites = Annotated[list[Cite], Field(min_length=1)]


class Document(Strict):
    number: str = Field(description="document number, e.g. 青人社厅函〔2025〕153号")
    title: str
    issuer: str
    date: str
    source: str = Field(description="file name of the text under sources/")


class Years(Strict):
    """An inclusive range of years; a missing end is open."""

    from_: int | None = Field(default=None, alias="from")
    to: int | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _ordered(self) -> "Years":
        if self.from_ is not None and self.to is not None and self.from_ > self.to:
            raise ValueError(f"years: from {self.from_} is after to {self.to}")
        return self

    def overlaps(self, other: "Years") -> bool:
        lo = max(self.from_ or -10**9, other.from_ or -10**9)
        hi = min(self.to if self.to is not None else 10**9, other.to if other.to is not None else 10**9)
        return lo <= hi


class DatedValue(Strict):
    """A parameter whose value depends on the year it is credited to (OpenFisca style)."""

    years: Years
    value: float
    cite: Cites | None = None


Amount = Union[float, list[DatedValue]]


class Choice(Strict):
    value: str | int
    label: str


class Range(Strict):
    min: float | None = None
    max: float | None = None


Condition = Union[StrictBool, StrictInt, StrictStr, Range, list[Union[StrictInt, StrictStr]]]


class FieldSpec(Strict):
    name: str
    label: str
    type: Literal["number", "integer", "choice", "years", "boolean", "text"]
    unit: str | None = None
    required: bool = True
    choices: list[Choice] | None = None
    min: float | None = 0
    max: float | None = None
    default: StrictBool | StrictInt | StrictFloat | StrictStr | None = None
    help: str | None = None
    days_within_year: bool | None = Field(
        default=None, description="true: days spent within the activity's year, at most that year's days (365 or 366)"
    )
    required_when: dict[str, Condition] | None = Field(
        default=None, description="the field is required when these conditions on the other fields hold"
    )
    required_note: str | None = Field(default=None, description="why it is required then (shown in the error)")
    plausible_max: float | None = Field(
        default=None, description="above this the value is unlikely for the kind (a warning, `value_implausible`; still counted)"
    )
    plausible_note: str | None = Field(default=None, description="what the person most likely meant (shown in the warning)")

    @model_validator(mode="after")
    def _choices(self) -> "FieldSpec":
        if self.type == "choice" and not self.choices:
            raise ValueError(f"field {self.name}: a choice field needs choices")
        if self.required_when and not self.required_note:
            raise ValueError(f"field {self.name}: required_when needs a required_note saying why")
        return self


# ---- person facts: what a notice needs to know about the person -----------------------------


class PersonFact(Strict):
    """A fact about the person that the notice's rules use (the form asks for it in that region).

    The same name means the same fact in every policy: its type and choices must agree."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    type: Literal["boolean", "choice", "year", "date"]
    choices: list[Choice] | None = None
    default: StrictBool | StrictStr | None = None
    help: str | None = None

    @model_validator(mode="after")
    def _choices(self) -> "PersonFact":
        if (self.type == "choice") != bool(self.choices):
            raise ValueError(f"person fact {self.name}: choices go with type choice, and only with it")
        if self.type == "choice" and self.default is not None and self.default not in [c.value for c in self.choices]:
            raise ValueError(f"person fact {self.name}: default {self.default!r} is not one of its choices")
        return self


PersonCondition = dict[str, Union[StrictBool, StrictStr, list[StrictStr]]]


# ---- conversions: how an activity becomes hours ---------------------------------------------


class AsStated(Strict):
    method: Literal["as_stated"]
    field: str = "hours"


class PerUnit(Strict):
    """rate × field / per (e.g. 7 × days; 5 per 1,000 characters)."""

    method: Literal["per_unit"]
    field: str
    rate: Amount
    per: float = 1


class Fixed(Strict):
    method: Literal["fixed"]
    amount: Amount


class FirstGiven(Strict):
    """The first formula whose field is given (hours as certified, else 7 × days)."""

    method: Literal["first_given"]
    options: list[Union[AsStated, PerUnit]] = Field(min_length=2)


class Row(Strict):
    when: dict[str, Condition]
    label: str
    hours: float | None = None
    per_unit: PerUnit | None = None
    as_stated: AsStated | None = None
    effect: Literal["whole_professional_tenure"] | None = None

    @model_validator(mode="after")
    def _one_result(self) -> "Row":
        given = [x for x in (self.hours, self.per_unit, self.as_stated, self.effect) if x is not None]
        if len(given) != 1:
            raise ValueError(f"row {self.label!r}: exactly one of hours, per_unit, as_stated, effect")
        return self


class Table(Strict):
    """The first row whose conditions all hold gives the result; no row: 0 hours, with `otherwise`."""

    method: Literal["table"]
    rows: list[Row] = Field(min_length=1)
    otherwise: str = Field(description="the note shown when no row applies (0 hours)")
    best_of_all: bool = Field(
        default=False, description="take the highest of all rows that apply instead of the first"
    )
    per_year_of: str | None = Field(
        default=None, description="a `years` field: the result is credited to each of those years"
    )


class WholeProfessional(Strict):
    """The whole 专业 requirement of the activity's year."""

    method: Literal["whole_professional"]


class WholeProfessionalTenure(Strict):
    """The whole 专业 requirement of every year of the current tenure (任现职期间)."""

    method: Literal["whole_professional_tenure"]


class CompleteYear(Strict):
    """The activity's year counts as complete in both categories."""

    method: Literal["complete_year"]


class CompleteAnyTenureYear(Strict):
    """Counts as one complete year of the current tenure, chosen where it helps."""

    method: Literal["complete_any_tenure_year"]
    field: str
    at_least: float


class NoHours(Strict):
    """Never counted (excluded), or an effect on the title verdict only."""

    method: Literal["no_hours"]
    reason: str


Conversion = Annotated[
    Union[
        AsStated, PerUnit, Fixed, FirstGiven, Table, WholeProfessional, WholeProfessionalTenure,
        CompleteYear, CompleteAnyTenureYear, NoHours,
    ],
    Field(discriminator="method"),
]

# Conversions whose result is a fixed amount rather than a quantity the user enters: a rule with
# one of these must say whether the amount is given once per year (`once_per_year`).
FIXED_AMOUNT = {"fixed", "whole_professional", "whole_professional_tenure", "complete_year", "complete_any_tenure_year"}


class Example(Strict):
    """A worked example from the notice's numbers; tests/test_rule_examples.py runs every one."""

    say: str = Field(description="the example in words")
    activities: list[dict] = []
    kind: str | None = Field(default=None, description="the kind whose hours `hours` checks (default: the rule's own kind)")
    person: dict | None = None
    target: dict | None = None
    requirements: dict | None = None
    today: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="the day the example is read (default: 1 July of the application year, else 2025-07-01)",
    )
    year: int
    hours: float | None = Field(default=None, description="hours of this kind credited in `year`")
    expect_year: dict | None = Field(default=None, description="fields of that year's report")
    expect_readiness: dict | None = Field(default=None, description="fields of the readiness verdict")
    expect_errors: list[dict] | None = Field(default=None, description="{field, code} of the errors the example gives")


class Evidence(Strict):
    """What the person keeps to prove the activity: the notice's words when it names it (`cite`),
    else the site's advice (no `cite`)."""

    text: str
    cite: Cites | None = None


class Filing(Strict):
    """Training that counts only when it was filed (备案) beforehand: the kind gets a field
    `filed` (default true); false counts nothing, with this clause."""

    label: str = Field(description="the checkbox of the `filed` field, e.g. 已事前报人社部门备案")
    help: str | None = None
    reason: str = Field(description="what the notice says about training not filed")
    cite: Cites


class DatedReading(Strict):
    """A reading that applies to activities credited in some years only, e.g. where two clauses of
    a notice disagree about those years: shown with every line of those years, with the clauses."""

    years: Years
    text: str
    cite: Cites = Field(description="every clause the reading weighs")


class Kind(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    category: Category | None
    category_field: str | None = Field(
        default=None, description="a choice field (public / professional) whose value is the category of each entry"
    )
    group: Group = Field(description="the kind of activity, for grouping on pages and in the FAQ")
    compare_as: str | None = Field(
        default=None, pattern=r"^[a-z][a-z0-9_]*$",
        description="the id other regions give the same activity (the comparison across regions carries an entry of "
        "this kind to their kind of that id: calc/compare.py); default: this kind's own id",
    )
    valid: Years = Field(default_factory=Years)
    covered: Years | None = Field(
        default=None,
        description="the years the notice speaks for; an entry in a later valid year counts nothing and says so",
    )
    fields: list[FieldSpec] = []
    one_of: list[list[str]] = []
    conversion: Conversion
    cap: float | None = Field(default=None, description="most hours of this kind credited to one year")
    once_per_year: bool | None = Field(
        default=None,
        description="the amount is given once per year however many entries (the notice gives it per year, "
        "e.g. 当年60学时, 每年90学时); false: once per entry. Required for fixed amounts.",
    )
    tenure_only: bool = Field(default=False, description="counts only when obtained in the current tenure (任现职期间)")
    filing: Filing | None = None
    evidence: Evidence
    reading: str | None = Field(default=None, description="how the product reads an ambiguous clause")
    readings: list[DatedReading] = []
    cite: Cites
    examples: list[Example] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Kind":
        names = {f.name for f in self.fields}
        for group in self.one_of:
            for name in group:
                if name not in names:
                    raise ValueError(f"kind {self.id}: one_of names unknown field {name}")
        method = self.conversion.method
        rows = self.conversion.rows if method == "table" else []
        fixed = method in FIXED_AMOUNT or any(r.hours is not None or r.effect for r in rows)
        if fixed and self.once_per_year is None:
            raise ValueError(
                f"kind {self.id}: a fixed amount: say whether it is given once per year (once_per_year: true) "
                "or once per entry (once_per_year: false)"
            )
        if self.filing is not None and "filed" not in names:
            self.fields.append(FieldSpec(
                name="filed", label=self.filing.label, type="boolean", required=False, default=True, help=self.filing.help,
            ))
        return self


class Grid(Strict):
    """The year grid of the calculator: one row per year with the 公需 and 专业 hours as the
    certificates (the official platforms) print them. Each names the kind a cell writes, with its
    hours as stated in the field `hours`; the other achievements stay cards."""

    public: str = Field(description="the kind of the 公需 cell (category public, a field `hours` taken as stated)")
    professional: str = Field(description="the kind of the 专业 cell (category professional, a field `hours` taken as stated)")


class Requirement(Strict):
    years: Years
    public: float | None
    professional: float | None
    annual: bool = Field(default=True, description="false: no per-year requirement in these years")
    note: str | None = None
    cite: Cites


class YearNote(Strict):
    years: Years
    text: str
    cite: Cites


class MakeUp(Strict):
    """Hours above a year's own requirement fill another year's shortfall in the same category."""

    id: str
    donors: Years
    targets: list[int] | None = Field(default=None, description="absolute years, earliest filled first")
    previous_year_only: bool = False
    person_flag: str | None = None
    reading: str | None = None
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")

    @model_validator(mode="after")
    def _one_target(self) -> "MakeUp":
        if (self.targets is None) == (not self.previous_year_only):
            raise ValueError(f"make_up {self.id}: give either targets or previous_year_only")
        return self


class UserFigures(Strict):
    """The notice lets other figures (an industry authority's) replace its own: the user may enter
    a year's figures even where the notice gives them, and the report says they are the user's."""

    text: str = Field(description="what the clause allows, shown with every year that uses the user's figures")
    reading: str | None = None
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class TransferIn(Strict):
    """A person who moved into the region follows its rules from the year of the move (a person
    fact, type year): earlier years are not judged by the region's figures."""

    person: str = Field(description="the person fact holding the year of the move")
    text: str
    reading: str | None = None
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class Contact(Strict):
    """Whom to ask, as the notice lists them (附件1 联系方式)."""

    name: str
    phone: str = Field(pattern=r"^[0-9][0-9-]{6,}$")


class Handoff(Strict):
    """The notice hands a group of people to other rules (an industry authority's): their years
    are computed for reference but not judged, and a title application gets `status`."""

    id: str
    person: PersonCondition
    label: str = Field(description="who and which rules, e.g. 卫生专业技术人员按省卫生健康委的安排…")
    next_step: str = Field(description="what the person should do instead")
    contact: Contact | None = Field(default=None, description="whom to ask (the notice's list of contacts); its number is quoted in `cite`")
    status: Literal["industry_rules"] = "industry_rules"
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")

    @model_validator(mode="after")
    def _contact_is_quoted(self) -> "Handoff":
        if self.contact and not any(self.contact.phone in c.quote for c in self.cite):
            raise ValueError(f"contact {self.contact.phone} is not in any quoted clause of the handoff")
        return self


class Window(Strict):
    """Which years a title application looks at, and how many of them must be met.

    mode since:   `count` met years among `since` .. the application year, not necessarily consecutive
    mode recent:  `count` met years among the last `span` years (the application year included)
    mode listed:  every year in `years` is met (`waive` lists category requirements waived)
    mode tenure:  every year from tenure_start to the application year is met; years before
                  `average_before` are judged together by their average hours (`average`)
    mode none:    no hours needed
    """

    mode: Literal["since", "recent", "listed", "tenure", "none"]
    since: int | None = None
    span: int | None = None
    count: int | None = None
    years: list[int] | None = None
    waive: list[dict] = []
    average_before: int | None = None
    average: float | None = None


class Target(Strict):
    types: list[TargetType]
    levels: list[Level]
    degree: list[Degree] | None = None
    has_deputy_senior: bool | None = None
    label: str
    window: Window
    reading: str | None = Field(default=None, description="how the product reads the window's words, where they are ambiguous")
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class Exemption(Strict):
    id: str
    label: str
    types: list[TargetType] | None = None
    levels: list[Level] | None = None
    person: PersonCondition | None = None
    kind_in_window: str | None = None
    kind_in_application_year: str | None = None
    kind_any_year: str | None = Field(default=None, description="an entry of this kind in any year")
    status: Literal["exempt", "reference_only"] = "exempt"
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")

    @model_validator(mode="after")
    def _has_a_condition(self) -> "Exemption":
        if not (self.person or self.kind_in_window or self.kind_in_application_year or self.kind_any_year):
            raise ValueError(f"exemption {self.id}: needs a condition (person, kind_in_window, kind_in_application_year or kind_any_year)")
        return self


class Reduction(Strict):
    gender: Literal["male", "female"]
    min_age: int
    max_age: int | None = None
    fraction: tuple[int, int] | None = Field(default=None, description="share of each requirement; none: exempt")
    reading: str | None = Field(default=None, description="how the share is read (of each category, of the total …)")
    share_of: Literal["each_category", "total"] = Field(
        default="each_category", description="what the share is taken of, as the site reads the clause"
    )
    other_reading: Literal["each_category", "total"] | None = Field(
        default=None,
        description="the other way the clause can be read: where it changes the verdict, the verdict is unknown (向人社局确认)",
    )
    types: list[TargetType]
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class WindowConversion(Strict):
    """An activity that, for a title application, fills the 专业 requirement of every year counted."""

    kind: str
    applications: Years
    label: str
    reading: str | None = None
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class Transfer(Strict):
    """A move from a civil-service post (an activity of `kind` in the year of the move): later
    applications owe hours only for the years after the move."""

    kind: str
    reading: str
    cite: Cites
    examples: list[Example] = Field(default=[], description="worked examples from the notice's numbers")


class Readiness(Strict):
    applications: Years = Field(description="application years the notice governs; others: unknown")
    outside_note: str
    targets: list[Target]
    exemptions: list[Exemption] = []
    reductions: list[Reduction] = []
    reductions_reading: str | None = None
    window_conversions: list[WindowConversion] = []
    transfer: Transfer | None = None


class StudyEnd(Strict):
    """A deadline that ends the earning of hours (calc/open_years.py): after it, the years it names
    take no more hours of the category (or of either, without one)."""

    years: Years | None = Field(default=None, description="the years whose study it ends (default: the deadline's year)")
    category: Category | None = Field(default=None, description="only this category (威海 2019: 公需科目)")


class Deadline(Strict):
    year: int
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    what: str
    who: Literal["个人", "单位"]
    ends_study: StudyEnd | None = Field(
        default=None, description="the notice's own last day for earning the hours of the years it names (else 12-31)"
    )
    cite: Cites


class Reading(Strict):
    id: str
    text: str


class Alias(Strict):
    id: str
    name: str
    note: str


class Policy(Strict):
    id: str = Field(pattern=r"^[a-z]+$")
    name: str
    region: str
    aliases: list[Alias] = []
    summary: str
    documents: dict[str, Document]
    person: list[PersonFact] = Field(default=[], description="the facts about the person the rules use (the form asks for these)")
    grid: Grid | None = Field(default=None, description="the kinds of the calculator's year grid (certified hours per year)")
    requirements: list[Requirement]
    unknown_years_note: str
    user_figures: UserFigures | None = None
    transfer_in: TransferIn | None = None
    handoffs: list[Handoff] = []
    year_notes: list[YearNote] = []
    make_up: list[MakeUp] = []
    kinds: list[Kind]
    readiness: Readiness
    deadlines: list[Deadline] = []
    readings: list[Reading] = []

    @model_validator(mode="after")
    def _consistent(self) -> "Policy":
        problems: list[str] = []
        for cite in all_cites(self):
            if cite.doc not in self.documents:
                problems.append(f"citation names unknown document {cite.doc!r} ({cite.section})")
        _no_overlap(
            [(f"requirement {r.years.from_}-{r.years.to}", r.years) for r in self.requirements], problems
        )
        by_id: dict[str, list[Kind]] = {}
        for kind in self.kinds:
            by_id.setdefault(kind.id, []).append(kind)
        for kid, versions in by_id.items():
            _no_overlap([(f"rule {self.id}/{kid}", k.valid) for k in versions], problems)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _no_overlap(items: list[tuple[str, Years]], problems: list[str]) -> None:
    for i, (name_a, a) in enumerate(items):
        for name_b, b in items[i + 1 :]:
            if a.overlaps(b):
                problems.append(f"{name_a} and {name_b} have overlapping years of validity")


# ---- walking the model ----------------------------------------------------------------------


def walk(node: object, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every model, list and value inside `node`, with its path (as the YAML file nests it)."""
    yield path, node
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            key = info.alias or name
            yield from walk(getattr(node, name), path + (key,))
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from walk(item, path + (i,))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from walk(item, path + (key,))


def all_cites(policy: Policy) -> list[Cite]:
    """Every citation anywhere in the policy (dated values, evidence, readings … included)."""
    return [node for _, node in walk(policy) if isinstance(node, Cite)]


def cites_with_paths(policy: Policy) -> list[tuple[tuple, Cite]]:
    return [(path, node) for path, node in walk(policy) if isinstance(node, Cite)]


# ---- references between parts of a policy --------------------------------------------------


def person_facts_used(policy: Policy) -> dict[str, tuple]:
    """Each person fact a rule uses, with the path of (one of) the rules that use it."""
    used: dict[str, tuple] = {}

    def use(name: str, path: tuple) -> None:
        used.setdefault(name, path)

    for i, kind in enumerate(policy.kinds):
        method = kind.conversion.method
        rows = kind.conversion.rows if method == "table" else []
        if kind.tenure_only or method in ("whole_professional_tenure", "complete_any_tenure_year") or any(r.effect for r in rows):
            use("tenure_start", ("kinds", i))
    for i, target in enumerate(policy.readiness.targets):
        if target.window.mode == "tenure":
            use("tenure_start", ("readiness", "targets", i, "window"))
    for i, _ in enumerate(policy.readiness.window_conversions):
        use("tenure_start", ("readiness", "window_conversions", i))
    for i, _ in enumerate(policy.readiness.reductions):
        use("gender", ("readiness", "reductions", i))
        use("birth_date", ("readiness", "reductions", i))
    for i, rule in enumerate(policy.readiness.exemptions):
        for name in rule.person or {}:
            use(name, ("readiness", "exemptions", i, "person", name))
    for i, rule in enumerate(policy.handoffs):
        for name in rule.person:
            use(name, ("handoffs", i, "person", name))
    for i, rule in enumerate(policy.make_up):
        if rule.person_flag:
            use(rule.person_flag, ("make_up", i, "person_flag"))
    if policy.transfer_in:
        use(policy.transfer_in.person, ("transfer_in", "person"))
    return used


def references(policy: Policy) -> list[tuple[tuple, str]]:
    """Every name that does not resolve, as (path in the file, problem)."""
    problems: list[tuple[tuple, str]] = []
    kind_ids = {k.id for k in policy.kinds}
    facts = {f.name: f for f in policy.person}

    def kind_ref(path: tuple, name: str | None) -> None:
        if name is not None and name not in kind_ids:
            problems.append((path, f"names kind {name!r}, which this policy does not have"))

    def person_ref(path: tuple, condition: dict) -> None:
        for name, value in condition.items():
            fact = facts.get(name)
            if fact is None:
                problems.append((path + (name,), f"names person fact {name!r}, which is not declared under `person`"))
                continue
            values = value if isinstance(value, list) else [value]
            for v in values:
                if fact.type == "boolean" and not isinstance(v, bool):
                    problems.append((path + (name,), f"person fact {name!r} is true or false, not {v!r}"))
                elif fact.type == "choice" and v not in [c.value for c in fact.choices]:
                    problems.append((path + (name,), f"{v!r} is not a choice of person fact {name!r}"))
                elif fact.type in ("year", "date"):
                    problems.append((path + (name,), f"person fact {name!r} ({fact.type}) cannot be a condition"))

    for i, rule in enumerate(policy.readiness.exemptions):
        where = ("readiness", "exemptions", i)
        kind_ref(where + ("kind_in_window",), rule.kind_in_window)
        kind_ref(where + ("kind_in_application_year",), rule.kind_in_application_year)
        kind_ref(where + ("kind_any_year",), rule.kind_any_year)
        person_ref(where + ("person",), rule.person or {})
    for i, rule in enumerate(policy.readiness.window_conversions):
        kind_ref(("readiness", "window_conversions", i, "kind"), rule.kind)
    if policy.readiness.transfer:
        kind_ref(("readiness", "transfer", "kind"), policy.readiness.transfer.kind)
    for i, rule in enumerate(policy.handoffs):
        person_ref(("handoffs", i, "person"), rule.person)
    for i, rule in enumerate(policy.make_up):
        if rule.person_flag:
            fact = facts.get(rule.person_flag)
            if fact is None or fact.type != "boolean":
                problems.append((("make_up", i, "person_flag"), f"person_flag {rule.person_flag!r} is not a boolean person fact declared under `person`"))
    if policy.transfer_in:
        fact = facts.get(policy.transfer_in.person)
        if fact is None or fact.type != "year":
            problems.append((("transfer_in", "person"), f"{policy.transfer_in.person!r} is not a person fact of type year declared under `person`"))
    for i, kind in enumerate(policy.kinds):
        problems += [(("kinds", i) + path, text) for path, text in _kind_references(kind)]
    if policy.grid is not None:
        for category in ("public", "professional"):
            name = getattr(policy.grid, category)
            versions = [k for k in policy.kinds if k.id == name]
            if not versions:
                problems.append((("grid", category), f"names kind {name!r}, which this policy does not have"))
            for kind in versions:
                if not grid_kind(kind, category):
                    problems.append((("grid", category), f"kind {name!r} cannot be a grid cell: it must be of category {category}, "
                                     "take a number field `hours` as stated, and need no other field"))
    used = person_facts_used(policy)
    for i, fact in enumerate(policy.person):
        expected = ENGINE_FACTS.get(fact.name)
        if expected and fact.type != expected:
            problems.append((("person", i, "type"), f"person fact {fact.name!r} must be of type {expected}"))
        if fact.name not in used:
            problems.append((("person", i, "name"), f"person fact {fact.name!r} is declared but no rule uses it (the form would ask for it for nothing)"))
    for name, path in used.items():
        if name not in facts:
            problems.append((path, f"uses person fact {name!r}: declare it under `person` (label, type) so the form asks for it"))
    return problems


def grid_kind(kind: Kind, category: str) -> bool:
    """Whether a year grid's cell can write this kind: of the category, its hours as stated in a
    field `hours` (alone, or as the first formula of first_given), no other field required."""
    conv = kind.conversion
    first = conv.options[0] if conv.method == "first_given" else conv
    fields = {f.name: f for f in kind.fields}
    hours = fields.get("hours")
    others = [f for f in kind.fields if f.name != "hours" and f.required and f.default is None]
    return (kind.category == category and first.method == "as_stated" and first.field == "hours"
            and hours is not None and hours.type == "number" and not others)


def _kind_references(kind: Kind) -> list[tuple[tuple, str]]:
    problems: list[tuple[tuple, str]] = []
    fields = {f.name: f for f in kind.fields}

    def field_ref(path: tuple, name: str | None) -> None:
        if name is not None and name not in fields:
            problems.append((path, f"kind {kind.id} names field {name!r}, which it does not have"))

    conv = kind.conversion
    if conv.method in ("as_stated", "per_unit", "complete_any_tenure_year"):
        field_ref(("conversion", "field"), conv.field)
    if conv.method == "first_given":
        for j, option in enumerate(conv.options):
            field_ref(("conversion", "options", j, "field"), option.field)
    if conv.method == "table":
        field_ref(("conversion", "per_year_of"), conv.per_year_of)
        for j, row in enumerate(conv.rows):
            for name in row.when:
                field_ref(("conversion", "rows", j, "when", name), name)
            for part in (row.per_unit, row.as_stated):
                if part is not None:
                    field_ref(("conversion", "rows", j), part.field)
    for j, spec in enumerate(kind.fields):
        for name in spec.required_when or {}:
            field_ref(("fields", j, "required_when", name), name)
    if kind.category_field is not None:
        spec = fields.get(kind.category_field)
        if spec is None or spec.type != "choice" or {c.value for c in spec.choices or []} - {"public", "professional"}:
            problems.append((("category_field",), f"kind {kind.id}: category_field {kind.category_field!r} must be a choice field of public / professional"))
    return problems


# ---- the national rules every notice works under (policies/national/rules.yaml) -------------------


class Floor(Strict):
    """The least a year can ask for where no notice gives its figures and the user entered none
    (人社部令第25号 第八条): a year with fewer hours in total is not met, whatever its notice set,
    unless a whole-year or whole-requirement conversion meets it on its own."""

    years: Years = Field(description="the years it holds for (the regulation took effect 2015-10-01)")
    total: float
    reading: str
    cite: Cites


class National(Strict):
    documents: dict[str, Document]
    floor: Floor

    @model_validator(mode="after")
    def _consistent(self) -> "National":
        unknown = [c.doc for _, c in cites_with_paths(self) if c.doc not in self.documents]
        if unknown:
            raise ValueError(f"citation names unknown document(s) {unknown}")
        return self
