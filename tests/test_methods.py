"""calc/methods.py: one home for each conversion method (issue 20). A new method is one entry there;
nothing else in calc branches on a method's name."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from calc import methods
from calc.scenario import Activity
from policies import schema

CALC = Path(__file__).resolve().parent.parent / "calc"


def schema_methods() -> set[str]:
    """The method names the rule data's schema allows."""
    found = set()
    for model in (schema.AsStated, schema.PerUnit, schema.Fixed, schema.FirstGiven, schema.Table, schema.WholeProfessional,
                  schema.WholeProfessionalTenure, schema.CompleteYear, schema.CompleteAnyTenureYear, schema.NoHours):
        found |= set(typing.get_args(model.model_fields["method"].annotation))
    return found


def test_every_method_of_the_schema_has_its_one_home() -> None:
    assert set(methods.METHODS) == schema_methods()


def test_no_method_name_is_compared_outside_its_home() -> None:
    names = "|".join(sorted(methods.METHODS))
    quoted = re.compile(rf"""["']({names})["']""")
    for path in sorted(CALC.glob("*.py")):
        if path.name == "methods.py":
            continue
        found = [m.group(1) for m in quoted.finditer(path.read_text(encoding="utf-8"))]
        assert found == [], f"{path.name} names methods {found}: ask calc/methods.py instead"


def entry(values: dict, year: int = 2025) -> Activity:
    return Activity(index=0, kind={}, year=year, values=values)


def test_a_per_unit_rule_counts_units_at_its_rate_and_a_unit_is_worth_the_rate() -> None:
    # 青海 附件4 技术带教帮扶: 按7学时/天
    conv = {"method": "per_unit", "field": "days", "rate": 7}
    assert methods.of(conv).amount(conv, entry({"days": 3})) == (21.0, "3 × 7")
    assert methods.of(conv).unit_hours(conv, 2025) == 7 and methods.of(conv).whole_units


def test_a_rule_per_thousand_characters_has_no_one_unit_worth() -> None:
    # 合肥 附件3 论文: 国家级每千字5学时
    conv = {"method": "per_unit", "field": "chars", "rate": 5, "per": 1000}
    assert methods.of(conv).amount(conv, entry({"chars": 2500})) == (12.5, "2500 ÷ 1000 × 5 = 12.5")
    assert methods.of(conv).unit_hours(conv, 2025) is None


def test_the_first_given_formula_counts_and_its_first_option_is_the_plans() -> None:
    # 合肥 公需课: 结业证书学时, else 30 per course
    conv = {"method": "first_given", "options": [{"method": "as_stated", "field": "hours"}, {"method": "per_unit", "field": "count", "rate": 30}]}
    assert methods.of(conv).amount(conv, entry({"count": 2}))[0] == 60
    assert methods.of(conv).amount(conv, entry({"hours": 45, "count": 1}))[0] == 45
    assert methods.of(conv).unit_hours(conv, 2025) == 1.0 and [f["field"] for f in methods.of(conv).formulas(conv)] == ["hours", "count"]


def test_whole_year_methods_give_no_hours_a_plan_can_count_on() -> None:
    traits = {name: (m.gives_hours, m.whole_requirement, m.plain_hours) for name, m in methods.METHODS.items()}
    assert traits["complete_year"] == (False, False, False)
    assert traits["complete_any_tenure_year"] == (False, False, False)
    assert traits["whole_professional"] == (True, True, False)
    assert traits["no_hours"][0] is False and traits["as_stated"] == (True, False, True)


def test_what_depends_on_the_tenure() -> None:
    table = {"method": "table", "rows": [{"when": {}, "label": "x", "effect": "whole_professional_tenure"}], "otherwise": "-"}
    assert methods.of(table).depends_on_tenure(table)
    plain = {"method": "table", "rows": [{"when": {}, "label": "x", "hours": 30}], "otherwise": "-"}
    assert not methods.of(plain).depends_on_tenure(plain)
