"""A unit's sheets as people, each with the scenario their row makes (contract batch.md).

    people(sheets) -> Workbook

The 人员 sheet gives one Person a row; the 成果 sheet adds activities to the person a row names
(by 编号, else 姓名); the 年度要求 sheet gives every person of a region that year's figures. A
Person keeps its scenario (version 1, scenario.md: what `python -m calc check` reads), the
problems found while reading its cells, and where each part of the scenario came from (`places`:
the sheet, row and column of each activity and field), so that calc's errors on the scenario can
be said where the spreadsheet has the value. Nothing is judged here that calc judges: a value
these readers cannot take but calc can is passed on as written, and calc's check names it.

ID-card numbers are never read: a column headed 身份证 / 证件号, or an unknown column or the 编号
column holding a value that looks like one, is left out (said once, in `notes`); such a value in
another column is an error on its cell, and the value is neither read nor repeated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from calc import batch_cells as cells, ruledata
from calc.batch_cells import Unreadable, looks_like_id_number, normalized
from calc.batch_columns import (
    ACTIVITIES, NOTES, PEOPLE, REQUIREMENTS, Column, activity_headers, grid_column, header_row, is_id_header,
    kind_field_labels, people_headers, requirement_column, requirement_headers,
)
from calc.catalogue import catalogue, policies
from calc.sheets import Sheet, problem
from calc.vocabulary import DEGREE, LEVEL, TARGET_TYPE

TARGET_CHOICES = {"type": TARGET_TYPE, "level": LEVEL, "degree": DEGREE}


@dataclass
class Person:
    """One row of the 人员 sheet: who (row, name, id, region as written or its label), the scenario,
    the problems of its cells, and where each part of the scenario came from."""

    row: int
    sheet: str
    name: str | None
    id: str | None
    region: str | None
    scenario: dict
    errors: list[dict] = field(default_factory=list)
    # "fields": scenario field (person.birth_date, target.year, policy) -> column header;
    # "activities": per activity {sheet, row, column, fields: {field name -> column header}};
    # "requirements": year -> {sheet, row, fields}
    places: dict = field(default_factory=lambda: {"fields": {}, "activities": [], "requirements": {}})

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Person":
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})


@dataclass
class Workbook:
    """The people read, and what concerns no one of them: `errors` (成果 rows naming no one or
    several, 年度要求 rows, repeated columns, rows past the limit), `notes` (columns and sheets not
    read), `problem` (the file cannot be used: {code, message}; then there are no people)."""

    people: list[Person] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problem: dict | None = None


def entry(sheet: str | None, row: int | None, column: str | None, message: str) -> dict:
    """A problem where the spreadsheet has it: {sheet, row, column, message}."""
    return {"sheet": sheet, "row": row, "column": column, "message": message}


def letter(index: int) -> str:
    """A column's letter as a spreadsheet shows it: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class Table:
    """A sheet's header row and what each column means; the columns not read are said in notes
    (unknown, ID numbers) or errors (a column repeated)."""

    def __init__(self, sheet: Sheet, start: int, meaning, book: Workbook):
        self.sheet = sheet
        self.number, header = sheet.rows[start]
        self.rows = sheet.rows[start + 1:]
        self.headers: dict[int, str] = {}
        self.columns: dict[int, Column] = {}
        self.fields: dict[str, str] = {}  # scenario field (policy, target.year, person.birth_date) -> header
        seen: dict[Column, str] = {}
        unknown, ids = [], []
        width = max(len(header), *(len(cells) for _, cells in self.rows)) if self.rows else len(header)
        for index in range(width):
            written = cells.text(header[index]) if index < len(header) else ""
            shown = written or f"第{letter(index)}列（无标题）"
            values = [row[index] for _, row in self.rows if index < len(row) and row[index] is not None]
            column = meaning(written) if written else None
            # an ID-card column: by its header, or, unknown or 编号, by a value that looks like one
            if is_id_header(written) or (any(map(looks_like_id_number, values)) and (column is None or column.part == "id")):
                ids.append(shown)
            elif column is None:
                if written or values:
                    unknown.append(shown)
            elif column in seen:
                book.errors.append(entry(sheet.name, self.number, written, f"“{written}”与“{seen[column]}”是同一列，只读取了前一个。"))
            else:
                seen[column] = written
                self.headers[index] = written
                self.columns[index] = column
                if column.part in ("target", "person"):
                    self.fields[f"{column.part}.{column.key}"] = written
                elif column.part == "region":
                    self.fields["policy"] = written
        where = f"“{sheet.name}”表" if sheet.name else ""
        if ids:
            book.notes.append(f"{where}的身份证号码列（{'、'.join(ids)}）未读取、不显示、不导出：本工具不需要身份证号。")
        if unknown:
            book.notes.append(f"{where}中不认识的列已忽略：{'、'.join(unknown)}。")

    def cells(self, row: list):
        """(index, header, column, value) of a row's cells that hold something, in column order."""
        for index, column in self.columns.items():
            if index < len(row) and row[index] is not None:
                yield index, self.headers[index], column, row[index]

    def read(self, row: list, number: int, errors: list[dict], take) -> bool:
        """take(header, column, value) for each cell holding something; a cell that looks like an ID
        number is not read and `take` raising Unreadable is an error on the cell (in `errors`).
        True when every cell was read."""
        read = True
        for _index, header, column, value in self.cells(row):
            try:
                if looks_like_id_number(value):
                    raise Unreadable(ID_CELL)
                take(header, column, value)
            except Unreadable as exc:
                errors.append(entry(self.sheet.name, number, header, str(exc)))
                read = False
        return read

    def has(self, part: str) -> bool:
        return self.header(part) is not None

    def header(self, part: str) -> str | None:
        """The header of the column of that part (name, id …), or None."""
        return next((self.headers[i] for i, c in self.columns.items() if c.part == part), None)


def people(sheets: list[Sheet]) -> Workbook:
    """The people of the sheets (calc/sheets.py), each with their scenario."""
    return Reader(sheets).book


class Reader:
    """Reads the sheets once, with what every row needs: the regions, each region's catalogue and
    the 年度要求 figures."""

    def __init__(self, sheets: list[Sheet]):
        self.book = book = Workbook()
        self.regions = policies()
        self.names = {p["id"]: p["name"] for p in self.regions}
        self.catalogues: dict[str, dict] = {}
        named = {normalized(s.name): s for s in sheets}
        main = named.get(PEOPLE) or next((s for s in sheets if normalized(s.name) not in (ACTIVITIES, REQUIREMENTS, NOTES)
                                           and header_row(s.rows, ("姓名", "地区")) is not None), None)
        start = header_row(main.rows, ("姓名", "地区")) if main else None
        if start is None:
            where = f"“{PEOPLE}”表" if len(sheets) > 1 else "文件"
            book.problem = problem("header_missing", f"{where}中没有找到标题行：须有一行同时写着“姓名”和“地区”（列的顺序不限）。")
            return
        known = people_headers()
        table = Table(main, start, lambda h: grid_column(h) or known.get(normalized(h)), book)
        if not table.has("grid"):
            book.problem = problem("years_missing", f"“{main.name}”表中没有学时列：请按年度填写“2024公需”“2024专业”这样的列（没有学时就无从计算）。")
            return
        for other in sheets:
            if other is not main and other.rows and normalized(other.name) not in (ACTIVITIES, REQUIREMENTS, NOTES):
                book.notes.append(f"工作表“{other.name}”未读取：只读取“{PEOPLE}”“{ACTIVITIES}”“{REQUIREMENTS}”三张表。")
        self.requirements = self.read_requirements(named.get(REQUIREMENTS))
        self.read_people(table)
        self.read_activities(named.get(ACTIVITIES), by_id=table.has("id"))
        for sheet in sheets:
            if sheet.cut is not None:
                book.errors.append(entry(sheet.name, sheet.cut, None, f"“{sheet.name}”表第{sheet.cut}行起未读取：每张表最多读取 {len(sheet.rows)} 行有内容的行，请分成几个文件。"))

    def catalogue(self, policy_id: str) -> dict:
        if policy_id not in self.catalogues:
            self.catalogues[policy_id] = catalogue(policy_id)
        return self.catalogues[policy_id]

    def region(self, value: object) -> str:
        """The region's id, written as its id, its name (青海省, or 青海 as the one name holding it)
        or its label (西宁市（按青海省的规定）); as written when it is none of them (calc then says
        which regions there are)."""
        written = normalized(value)
        found = next((p["id"] for p in self.regions if normalized(p["label"]) == written), None)
        return found or cells.choice(value, self.names)

    def label(self, policy_id: object) -> str | None:
        """How a region is shown: its label (西宁市（按青海省的规定）), or as written."""
        return next((p["label"] for p in self.regions if p["id"] == policy_id), cells.text(policy_id) or None)

    def read_people(self, table: Table) -> None:
        ids: dict[str, int] = {}
        for number, row in table.rows:
            person = self.read_person(table, number, row)
            if person is None:
                self.book.notes.append(f"“{table.sheet.name}”表第{number}行没有姓名、地区和学时，未当作人员读取。")
                continue
            if person.id is not None:
                key = normalized(person.id)
                if key in ids:
                    person.errors.append(entry(table.sheet.name, number, table.header("id"), f"编号“{person.id}”与第{ids[key]}行重复：编号须各不相同。"))
                else:
                    ids[key] = number
            self.book.people.append(person)

    def read_person(self, table: Table, number: int, row: list) -> Person | None:
        sheet = table.sheet.name
        person = Person(row=number, sheet=sheet, name=None, id=None, region=None, scenario={"version": 1, "policy": None})
        scenario, places = person.scenario, person.places
        places["fields"] = dict(table.fields)
        facts, target, grid_cells = {}, {}, []

        def take(header: str, column: Column, value: object) -> None:
            if column.part == "name":
                person.name = cells.text(value)
            elif column.part == "id":
                person.id = cells.text(value)
            elif column.part == "region":
                scenario["policy"] = self.region(value)
            elif column.part == "grid":
                grid_cells.append((header, column, cells.number(value)))
            elif column.part == "target":
                target[column.key] = target_value(column.key, value)
            elif column.part == "person":
                facts[column.key] = fact_value(column.key, value)

        table.read(row, number, person.errors, take)
        if person.name is None and scenario["policy"] is None and not grid_cells:
            return None
        if person.name is None:
            person.errors.append(entry(sheet, number, table.header("name"), "缺少姓名。"))
        person.region = self.label(scenario["policy"])
        if facts:
            scenario["person"] = facts
        scenario["activities"] = []
        policy = ruledata.resolve(scenario["policy"])
        if policy is not None:
            self.add_grid(person, policy, grid_cells)
            figures = {**self.requirements.get(policy["id"], {}), **self.requirements.get(scenario["policy"], {})}
            if figures:
                scenario["requirements"] = {year: dict(found["figures"]) for year, found in figures.items()}
                places["requirements"] = {year: found["place"] for year, found in figures.items()}
        if target:
            scenario["target"] = target
        return person

    def add_grid(self, person: Person, policy: dict, grid_cells: list) -> None:
        """The year grid's cells as the region's grid activities (catalogue `grid`), hours as certified."""
        grid = self.catalogue(person.scenario["policy"])["grid"]
        for header, column, hours in grid_cells:
            if grid is None:
                person.errors.append(entry(person.sheet, person.row, header, f"{policy['name']}没有逐年的公需、专业学时，这一格未读取。"))
                continue
            cell = grid[column.key]
            person.scenario["activities"].append({"kind": cell["kind"], "year": column.year, cell["field"]: hours})
            person.places["activities"].append({"sheet": person.sheet, "row": person.row, "column": header, "fields": {}})

    def read_requirements(self, sheet: Sheet | None) -> dict:
        """年度要求: region id -> year (text) -> {figures, place}. Each row is checked by calc itself
        (calc.evaluate of a scenario holding only it); a row calc refuses is an error, not used."""
        found: dict[str, dict] = {}
        if sheet is None or not sheet.rows:
            return found
        start = header_row(sheet.rows, ("地区", "年度"))
        if start is None:
            self.book.errors.append(entry(sheet.name, None, None, f"“{sheet.name}”表中没有找到标题行：须有一行写着“地区”“年度”“公需”“专业”。"))
            return found
        known = requirement_headers()
        table = Table(sheet, start, lambda h: requirement_column(h, known), self.book)
        from calc.report import evaluate  # noqa: PLC0415  (calc's own check of the figures)

        for number, row in table.rows:
            values, fields = {}, {}

            def take(header: str, column: Column, value: object) -> None:
                name = column.key or column.part
                fields[name] = header
                values[name] = (self.region(value) if name == "region" else
                                cells.year(value) if name == "year" else cells.number(value))

            if not table.read(row, number, self.book.errors, take):
                continue
            year = cells.text(values.get("year"))
            figures = {k: values[k] for k in ("public", "professional") if k in values}
            report = evaluate({"version": 1, "policy": values.get("region"), "requirements": {year: figures}})
            for error in report["errors"]:
                path = (error.get("field") or "").split(".")
                column = fields.get("region") if path[0] == "policy" else fields.get(path[-1], fields.get("year"))
                self.book.errors.append(entry(sheet.name, number, column, error["message"]))
            if report["errors"]:
                continue
            policy_id = values["region"]
            if year in found.get(policy_id, {}):
                earlier = found[policy_id][year]["place"]["row"]
                self.book.errors.append(entry(sheet.name, number, fields.get("year"), f"{self.names[policy_id]}{year}年的要求与第{earlier}行重复，只用了第{earlier}行。"))
                continue
            place = {"sheet": sheet.name, "row": number, "fields": {k: fields.get(k) for k in ("public", "professional")}}
            found.setdefault(policy_id, {})[year] = {"figures": figures, "place": place}
        return found

    def read_activities(self, sheet: Sheet | None, by_id: bool) -> None:
        """成果: each row an activity of the one person its 编号 (else its 姓名) names."""
        if sheet is None or not sheet.rows:
            return
        start = header_row(sheet.rows, ("类型", "年度"), ("编号", "姓名"))
        if start is None:
            self.book.errors.append(entry(sheet.name, None, None, f"“{sheet.name}”表中没有找到标题行：须有一行写着“类型”“年度”和“编号”（或“姓名”）。"))
            return
        known, labels = activity_headers(), kind_field_labels()

        def meaning(header: str) -> Column | None:  # a kind's field: its label, or a part of one (天数, 学时)
            written = normalized(header)
            field_like = written in labels or (len(written) >= 2 and any(written in label for label in labels))
            return known.get(written) or (Column("field", written) if field_like else None)

        table = Table(sheet, start, meaning, self.book)
        index: dict[str, dict] = {"id": {}, "name": {}}
        for person in self.book.people:
            for part in ("id", "name"):
                if getattr(person, part) is not None:
                    index[part].setdefault(normalized(getattr(person, part)), []).append(person)
        for number, row in table.rows:
            who = {c.part: (h, v) for _i, h, c, v in table.cells(row) if c.part in ("id", "name")}
            part = "id" if by_id and "id" in who else "name"
            if part not in who:
                self.book.errors.append(entry(sheet.name, number, None, "这一行没有写明是谁的：请填写“编号”" + ("。" if by_id else "或“姓名”。")))
                continue
            header, value = who[part]
            matches = index[part].get(normalized(value), [])
            if len(matches) == 1:
                self.add_activity(matches[0], table, number, row)
                continue
            what = "编号" if part == "id" else "姓名"
            message = (f"没有{what}为“{cells.text(value)}”的人员。" if not matches else
                       f"有 {len(matches)} 位人员的{what}都是“{cells.text(value)}”（第{'、'.join(str(p.row) for p in matches)}行），无法确定是谁的：请用“编号”区分。")
            self.book.errors.append(entry(sheet.name, number, header, message))

    def add_activity(self, person: Person, table: Table, number: int, row: list) -> None:
        """A 成果 row as an activity of the person's scenario, its kind and fields named as the
        person's region names them (catalogue: the kind's name or id, each field's label)."""
        sheet = table.sheet.name
        if ruledata.resolve(person.scenario.get("policy")) is None:
            return  # the person's own row has no region calc knows, and says so
        kinds = {k["id"]: k for k in self.catalogue(person.scenario["policy"])["kinds"]}
        activity, fields, pending = {}, {}, []

        def take(header: str, column: Column, value: object) -> None:
            if column.part == "field":  # a kind's field: read once the kind is known
                pending.append((header, value))
                return
            if column.part == "kind":
                activity["kind"] = cells.choice(value, {k: spec["name"] for k, spec in kinds.items()})
            elif column.part == "year":
                activity["year"] = cells.year(value)
            elif column.part == "activity":  # 名称或备注, 证明材料
                activity[column.key] = cells.text(value)
            else:
                return
            fields[column.key or column.part] = header

        table.read(row, number, person.errors, take)
        if "kind" not in activity:
            if not any(e["row"] == number and e["sheet"] == sheet for e in person.errors):
                person.errors.append(entry(sheet, number, table.header("kind"), "缺少类型。"))
            return
        kind = kinds.get(activity["kind"])
        specs = {spec["name"]: spec for spec in kind["fields"]} if kind else {}
        for header, value in pending:
            name = cells.pick(header, {n: spec["label"] for n, spec in specs.items()})
            if not isinstance(name, str):
                if kind is not None:
                    person.errors.append(entry(sheet, number, header, f"“{kind['name']}”没有“{header}”这一项，这一格未读取。"))
                continue
            try:
                activity[name] = field_value(specs[name], value)
                fields[name] = header
            except Unreadable as exc:
                person.errors.append(entry(sheet, number, header, str(exc)))
        person.scenario["activities"].append(activity)
        person.places["activities"].append({"sheet": sheet, "row": number, "column": None, "fields": fields})


ID_CELL = "这一格像是身份证号码，未读取：本工具不需要身份证号。"


def target_value(key: str, value: object) -> object:
    if key in TARGET_CHOICES:
        return cells.choice(value, TARGET_CHOICES[key])
    if key == "year":
        return cells.year(value)
    if key == "date":
        return cells.day(value)
    return cells.boolean(value)


def fact_value(key: str, value: object) -> object:
    """A person fact by its type in the rule data; a birth date may be a year and month (出生年月)."""
    spec = ruledata.person_facts()[key]
    kind = spec["type"]
    if kind == "year":
        return cells.year(value)
    if kind == "date":
        return cells.day(value, year_month=key == "birth_date")
    if kind == "boolean":
        return cells.boolean(value)
    if kind == "choice":
        return cells.choice(value, {c["value"]: c["label"] for c in spec["choices"]})
    return cells.text(value)


def field_value(spec: dict, value: object) -> object:
    """A kind's field by its type (catalogue fields: number, integer, choice, boolean, text, years)."""
    kind = spec["type"]
    if kind in ("number", "integer"):
        return cells.number(value)
    if kind == "choice":
        return cells.choice(value, {c["value"]: c["label"] for c in spec["choices"]})
    if kind == "boolean":
        return cells.boolean(value)
    if kind == "years":
        return cells.years(value)
    return cells.text(value)
