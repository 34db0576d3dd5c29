"""One home for each conversion method of the rule data (`conversion.method` in policies/schema.py):
what an entry of the method credits (its lines), the method in words, how many hours one unit of
its field is worth (so hours go back to the one number an entry needs), and its traits. A new
method is one class here, registered in METHODS; nothing else in calc compares a method's name
(tests/test_methods.py checks calc's sources).

Effects other than plain hours (a whole 专业 requirement, a whole year, any one year of the tenure)
are resolved per year once all lines are known (calc/ledger.py, calc/bounds.py).
"""

from __future__ import annotations

from calc import ruledata
from calc.line import Line, rule_line
from calc.ruledata import field_label, matches
from calc.vocabulary import dated_text, fmt

WHOLE_PROFESSIONAL = "whole_professional"
COMPLETE_YEAR = "complete_year"
ANY_TENURE_YEAR = "complete_any_tenure_year"


class Method:
    """A conversion method; the defaults are a method that counts plain hours."""

    name = ""
    gives_hours = True  # credits hours a plan can count on (not a whole year, not nothing)
    whole_requirement = False  # fills a whole year's 专业 requirement (a plan lists it as such)
    plain_hours = True  # plain hours another region's unit can take (not a whole year or tenure)
    fixed_amount = False  # gives a fixed amount, so whether it counts once a year matters
    whole_units = False  # a formula counted in units (天、门) that a plan adds whole, not hours as stated

    def lines(self, policy: dict, kind: dict, activity, person, horizon: int) -> list[Line]:
        """What one entry credits, before any cap (horizon: the last year of the tenure in view)."""
        amount, note = self.amount(kind["conversion"], activity)
        line = rule_line(policy, kind, activity, activity.year, amount)
        if note:
            line.notes.append(note)
        return [line]

    def amount(self, conv: dict, activity) -> tuple[float, str | None]:
        """Hours from the entry's values, with a note saying how (formula methods)."""
        return 0.0, None

    def words(self, kind: dict, conv: dict) -> str:
        raise NotImplementedError

    def formulas(self, conv: dict) -> list[dict]:
        """The formulas that count hours from one field, in the order the method takes them."""
        return []

    def unit_hours(self, conv: dict, year: int) -> float | None:
        """Hours one unit of the formula's field is worth in `year` (None: not one number's worth)."""
        return None

    def fixed(self, conv: dict) -> bool:
        return self.fixed_amount

    def depends_on_tenure(self, conv: dict) -> bool:
        """What it credits depends on when the tenure began (a whole tenure, any year of it)."""
        return False


class AsStated(Method):
    name = "as_stated"

    def amount(self, conv, activity):
        return float(activity.values.get(conv.get("field", "hours"), 0)), None

    def words(self, kind, conv):
        return f"按{field_label(kind, conv.get('field', 'hours'))[0]}计"

    def formulas(self, conv):
        return [conv]

    def unit_hours(self, conv, year):
        return 1.0


class PerUnit(Method):
    name = "per_unit"
    whole_units = True

    def amount(self, conv, activity):
        rate = ruledata.dated(conv["rate"], activity.year) or 0
        quantity = float(activity.values.get(conv["field"], 0))
        per = conv.get("per", 1)
        amount = quantity / per * rate
        if per == 1:
            return amount, f"{fmt(quantity)} × {fmt(rate)}"
        return amount, f"{fmt(quantity)} ÷ {fmt(per)} × {fmt(rate)} = {fmt(amount)}"

    def words(self, kind, conv):
        label, unit = field_label(kind, conv["field"])
        per = fmt(conv.get("per", 1))
        unit_words = f"{per}{unit}" if per != "1" else (unit or label)
        return f"每{unit_words} {dated_text(conv['rate'])} 学时（{label}）"

    def formulas(self, conv):
        return [conv]

    def unit_hours(self, conv, year):
        if conv.get("per", 1) != 1:
            return None
        return ruledata.dated(conv["rate"], year) or None


class Fixed(Method):
    name = "fixed"
    fixed_amount = True

    def amount(self, conv, activity):
        return float(ruledata.dated(conv["amount"], activity.year) or 0), None

    def words(self, kind, conv):
        return f"{dated_text(conv['amount'])} 学时"


class FirstGiven(Method):
    name = "first_given"

    def amount(self, conv, activity):
        for option in conv["options"]:
            if option.get("field", "hours") in activity.values:
                return of(option).amount(option, activity)
        return 0.0, None

    def words(self, kind, conv):
        return "；未填时".join(of(option).words(kind, option) for option in conv["options"])

    def formulas(self, conv):
        return list(conv["options"])

    def unit_hours(self, conv, year):
        first = conv["options"][0]
        return of(first).unit_hours(first, year)


class Table(Method):
    name = "table"

    def lines(self, policy, kind, activity, person, horizon):
        spec = kind["conversion"]
        rows = [row for row in spec["rows"] if matches(row["when"], activity.values)]
        if not rows:
            line = rule_line(policy, kind, activity, activity.year, 0)
            line.notes.append(spec["otherwise"])
            return [line]
        if spec.get("best_of_all"):
            scored = [(row_amount(row, activity), row) for row in rows]
            (amount, how), row = max(scored, key=lambda item: item[0][0])
            note = row["label"] + (f"（{how}）" if how else "")
            if len(rows) > 1:
                note += "；同一项目按最高标准计算，不累加"
        else:
            row = rows[0]
            if row.get("effect"):
                lines = of({"method": row["effect"]}).lines(policy, kind, activity, person, horizon)
                lines[0].notes.insert(0, row["label"])
                return lines
            amount, how = row_amount(row, activity)
            note = row["label"] + (f"（{how}）" if how else "")
        years = activity.values.get(spec["per_year_of"]) if spec.get("per_year_of") else None
        lines = []
        for year in years or [activity.year]:
            line = rule_line(policy, kind, activity, year, amount)
            line.notes.append(note)
            if not ruledata.in_years(year, kind.get("valid", {})):
                line.hours = line.uncapped = 0
                line.notes.append(f"{year}年不在本规则的适用年度内")
            elif kind.get("tenure_only") and person.tenure_start is not None and year < person.tenure_start:
                line.hours = line.uncapped = 0
                line.notes.append(f"{year}年在任现职（{person.tenure_start}年起）以前，不计")
            lines.append(line)
        return lines

    def words(self, kind, conv):
        text = "按下表" + ("取其中最高的一项，不累加" if conv.get("best_of_all") else "")
        if conv.get("per_year_of"):
            text += f"，计入{field_label(kind, conv['per_year_of'])[0]}中的每一年"
        return text

    def rows(self, kind: dict) -> list[list[str]]:
        """[case, result] rows, the last one for every other case."""
        conv = kind["conversion"]
        rows = []
        for row in conv["rows"]:
            if row.get("hours") is not None:
                result = f"{fmt(row['hours'])} 学时"
            elif row.get("per_unit") or row.get("as_stated"):
                formula = row.get("per_unit") or row.get("as_stated")
                result = of(formula).words(kind, formula)
            else:
                result = of({"method": row["effect"]}).words(kind, {})
            rows.append([row.get("label") or "", result])
        rows.append(["其他情况", f"0 学时（{conv.get('otherwise')}）"])
        return rows

    def fixed(self, conv):
        return any(r.get("hours") is not None or r.get("effect") for r in conv["rows"])

    def depends_on_tenure(self, conv):
        return any(r.get("effect") and of({"method": r["effect"]}).depends_on_tenure({}) for r in conv["rows"])


def row_amount(row: dict, activity) -> tuple[float, str | None]:
    """A table row's hours for the entry, with a note saying how."""
    if row.get("hours") is not None:
        return float(row["hours"]), None
    formula = row.get("per_unit") or row.get("as_stated")
    return of(formula).amount(formula, activity) if formula else (0.0, None)


class YearEffect(Method):
    """A method whose entry fills something of its own year whatever its hours: one line with the
    effect, resolved once the year's lines are known (calc/ledger.py)."""

    plain_hours = False
    fixed_amount = True
    note = ""  # what the line says it does
    text = ""  # the rule in words

    def lines(self, policy, kind, activity, person, horizon):
        line = rule_line(policy, kind, activity, activity.year, 0, effect=self.name)
        line.notes.append(self.note)
        return [line]

    def words(self, kind, conv):
        return self.text


class WholeProfessional(YearEffect):
    name = WHOLE_PROFESSIONAL
    whole_requirement = True
    note = "折算当年专业科目全部学时"
    text = "视为完成当年专业科目的全部学时"


class WholeProfessionalTenure(WholeProfessional):
    """The whole 专业 requirement of every year of the current tenure."""

    name = "whole_professional_tenure"

    def lines(self, policy, kind, activity, person, horizon):
        tenure = person.tenure_start
        if tenure is None or tenure > activity.year:
            line = rule_line(policy, kind, activity, activity.year, 0, effect=WHOLE_PROFESSIONAL)
            why = "未填写任现职年度" if tenure is None else f"任现职年度（{tenure}年）晚于获奖年度"
            line.notes.append(f"折算任现职期间全部专业科目学时；{why}，只计获奖当年")
            return [line]
        lines = []
        for year in range(tenure, max(activity.year, horizon) + 1):
            line = rule_line(policy, kind, activity, year, 0, effect=WHOLE_PROFESSIONAL)
            line.notes.append(f"折算任现职期间（{tenure}年起）全部专业科目学时")
            lines.append(line)
        return lines

    def words(self, kind, conv):
        return "视为完成任现职期间每一年专业科目的全部学时"

    def depends_on_tenure(self, conv):
        return True


class CompleteYear(YearEffect):
    name = COMPLETE_YEAR
    gives_hours = False
    note = "视同完成当年公需科目和专业科目全部学时"
    text = "当年公需科目和专业科目均视为完成"


class CompleteAnyTenureYear(Method):
    name = ANY_TENURE_YEAR
    gives_hours = False
    plain_hours = False
    fixed_amount = True

    def lines(self, policy, kind, activity, person, horizon):
        spec = kind["conversion"]
        line = rule_line(policy, kind, activity, activity.year, 0)
        if activity.values.get(spec["field"], 0) >= spec["at_least"]:
            line.effect = ANY_TENURE_YEAR
            line.notes.append("可视同完成任现职期间任意一年的学时，在核验职称申报时使用")
        else:
            line.notes.append(f"不满{fmt(spec['at_least'])}个月，不能视同完成一年学时")
        return [line]

    def words(self, kind, conv):
        label, unit = field_label(kind, conv["field"])
        return f"{label}达到{fmt(conv['at_least'])}{unit}的，任现职期间任一年度视为完成"

    def depends_on_tenure(self, conv):
        return True


class NoHours(Method):
    name = "no_hours"
    gives_hours = False
    plain_hours = False

    def lines(self, policy, kind, activity, person, horizon):
        line = rule_line(policy, kind, activity, activity.year, 0)
        line.category = None
        line.notes.append(kind["conversion"]["reason"])
        return [line]

    def words(self, kind, conv):
        return f"不计学时：{conv.get('reason')}"


METHODS = {m.name: m for m in (AsStated(), PerUnit(), Fixed(), FirstGiven(), Table(), WholeProfessional(),
                                WholeProfessionalTenure(), CompleteYear(), CompleteAnyTenureYear(), NoHours())}


def of(conv: dict) -> Method:
    """The method of a conversion (or of a formula inside one)."""
    return METHODS[conv["method"]]
