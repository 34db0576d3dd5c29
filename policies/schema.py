"""The shape of a policy file (policies/<id>.yaml), as pydantic models.

Used at build and test time only: `python -m policies.compile` validates every file with these
models and writes the compiled rule data (calc/rules.json) that the calculation core reads at run
time with the standard library alone. `policies/schema.json` is exported from these models for
people who edit the YAML files.

Every number carries a citation: the document (an id under `documents`), the section, and the
clause's own words (`quote`), which must occur in the document's text in sources/.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, model_validator

Category = Literal["public", "professional"]
TargetType = Literal["review", "recognition", "series_change", "appointment"]
Level = Literal["full_senior", "senior", "intermediate", "assistant", "junior", "clerk"]
Degree = Literal["college", "bachelor", "master", "doctor"]


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

    @model_validator(mode="after")
    def _choices(self) -> "FieldSpec":
        if self.type == "choice" and not self.choices:
            raise ValueError(f"field {self.name}: a choice field needs choices")
        return self


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


class Range(Strict):
    min: float | None = None
    max: float | None = None


Condition = Union[StrictBool, StrictInt, StrictStr, Range, list[Union[StrictInt, StrictStr]]]


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


class Example(Strict):
    """A worked example from the notice's numbers; tests/test_rule_examples.py runs every one."""

    say: str = Field(description="the example in words")
    activities: list[dict]
    person: dict | None = None
    target: dict | None = None
    year: int
    hours: float | None = Field(default=None, description="hours of this kind credited in `year`")
    expect_year: dict | None = Field(default=None, description="fields of that year's report")
    expect_readiness: dict | None = Field(default=None, description="fields of the readiness verdict")


class Kind(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    category: Category | None
    valid: Years = Field(default_factory=Years)
    fields: list[FieldSpec] = []
    one_of: list[list[str]] = []
    conversion: Conversion
    cap: float | None = Field(default=None, description="most hours of this kind credited to one year")
    tenure_only: bool = Field(default=False, description="counts only when obtained in the current tenure (任现职期间)")
    effect: Literal["civil_servant_transfer", "application_exempt"] | None = None
    reading: str | None = Field(default=None, description="how the product reads an ambiguous clause")
    cite: Cites
    examples: list[Example] = Field(min_length=1)

    @model_validator(mode="after")
    def _fields_known(self) -> "Kind":
        names = {f.name for f in self.fields}
        for group in self.one_of:
            for name in group:
                if name not in names:
                    raise ValueError(f"kind {self.id}: one_of names unknown field {name}")
        return self


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

    @model_validator(mode="after")
    def _one_target(self) -> "MakeUp":
        if (self.targets is None) == (not self.previous_year_only):
            raise ValueError(f"make_up {self.id}: give either targets or previous_year_only")
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
    cite: Cites


class Exemption(Strict):
    id: str
    label: str
    types: list[TargetType] | None = None
    levels: list[Level] | None = None
    person: dict[str, Union[StrictBool, StrictStr]] | None = None
    kind_in_window: str | None = None
    kind_in_application_year: str | None = None
    status: Literal["exempt", "reference_only"] = "exempt"
    cite: Cites


class Reduction(Strict):
    gender: Literal["male", "female"]
    min_age: int
    max_age: int | None = None
    fraction: tuple[int, int] | None = Field(default=None, description="share of each requirement; none: exempt")
    types: list[TargetType]
    cite: Cites


class WindowConversion(Strict):
    """An activity that, for a title application, fills the 专业 requirement of every year counted."""

    kind: str
    applications: Years
    label: str
    reading: str | None = None
    cite: Cites


class Readiness(Strict):
    applications: Years = Field(description="application years the notice governs; others: unknown")
    outside_note: str
    targets: list[Target]
    exemptions: list[Exemption] = []
    reductions: list[Reduction] = []
    reductions_reading: str | None = None
    window_conversions: list[WindowConversion] = []
    transfer_reading: str | None = None
    transfer_cite: Cites | None = None


class Deadline(Strict):
    year: int
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    what: str
    who: Literal["个人", "单位"]
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
    requirements: list[Requirement]
    unknown_years_note: str
    year_notes: list[YearNote] = []
    make_up: list[MakeUp] = []
    kinds: list[Kind]
    readiness: Readiness
    deadlines: list[Deadline] = []
    readings: list[Reading] = []

    @model_validator(mode="after")
    def _consistent(self) -> "Policy":
        problems: list[str] = []
        for cite in _all_cites(self):
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


def _all_cites(policy: Policy) -> list[Cite]:
    cites: list[Cite] = []
    for r in policy.requirements:
        cites += r.cite
    for n in policy.year_notes:
        cites += n.cite
    for m in policy.make_up:
        cites += m.cite
    for k in policy.kinds:
        cites += k.cite
    for t in policy.readiness.targets:
        cites += t.cite
    for e in policy.readiness.exemptions:
        cites += e.cite
    for r in policy.readiness.reductions:
        cites += r.cite
    for w in policy.readiness.window_conversions:
        cites += w.cite
    cites += policy.readiness.transfer_cite or []
    for d in policy.deadlines:
        cites += d.cite
    return cites


all_cites = _all_cites
