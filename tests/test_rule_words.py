"""calc/rule_words.py: the notices' rules in plain words, from the compiled rule data — a kind's
category, conversion, cap, fields, once-a-year, covered years, tenure condition, filing, evidence
and when it applies; a title rule's years and who it is for; a requirement, a reduction and a
make-up rule in a sentence. The catalogue and the generated pages take them from here."""

from __future__ import annotations

from calc import ruledata
from calc import rule_words as words

QINGHAI, WEIHAI, HEFEI, HOHHOT = (ruledata.resolve(p) for p in ("qinghai", "weihai", "hefei", "hohhot"))


def kind(policy: dict, kind_id: str, year: int = 2025) -> dict:
    return ruledata.kind_for(policy, kind_id, year)


def test_a_kinds_category_conversion_and_cap() -> None:
    # 青海 技术带教帮扶: 按每天 7 学时认定 … 认定学时不超过 30 学时
    mentoring = kind(QINGHAI, "mentoring")
    assert (words.category(mentoring), words.cap(mentoring)) == ("专业科目", "每年最多 30 学时")
    assert words.conversion(mentoring).startswith("每天 7 学时")
    assert words.cap_with_scope(30) == "每年最多 30 学时（同一类型当年所有条目合计）" and words.cap(kind(QINGHAI, "public_course")) == "无"
    # 合肥 公需课 30学时/门, certified hours first
    assert words.conversion(kind(HEFEI, "public_course", 2021)) == "按结业证书学时计；未填时每门 30 学时（完成的公需课门数）"
    assert words.category(kind(QINGHAI, "central_unit_training")).endswith("计入公需科目或专业科目")


def test_how_often_a_fixed_amount_counts() -> None:
    assert words.once_per_year(kind(QINGHAI, "degree_study")).startswith("每年只计一次")  # 学历教育 当年60学时
    assert words.once_per_year(kind(HEFEI, "qualification_certificate", 2021)) == "每项（每次）各计一次"
    assert words.once_per_year(kind(QINGHAI, "public_course")) is None  # hours as stated: it does not matter


def test_the_conditions_a_kind_carries() -> None:
    assert words.covered(kind(WEIHAI, "xuexi_qiangguo", 2019)) == "通知只规定了2019年；其他年度不计入，并在结果中说明"
    assert words.tenure_only(kind(QINGHAI, "paper")) == "须为任现职期间取得" and words.tenure_only(kind(QINGHAI, "mentoring")) is None
    filing = words.filing(QINGHAI, kind(QINGHAI, "professional_course"))
    assert filing.startswith("须事前备案：") and "五(一)" in filing
    assert words.valid_label(kind(QINGHAI, "software_copyright")) == "2025年起适用" and words.valid_label(kind(HEFEI, "self_study", 2021)) is None


def test_evidence_names_its_clause_or_says_it_is_the_sites_advice() -> None:
    assert words.evidence(QINGHAI, kind(QINGHAI, "project")).endswith("（青人社厅函〔2025〕153号 附件4 2020年重大课题）")
    assert words.evidence(QINGHAI, kind(QINGHAI, "public_course")).endswith("（本站建议，通知未写明）")


def test_a_kinds_facts_in_the_order_a_page_lists_them() -> None:
    facts = words.kind_facts(QINGHAI, kind(QINGHAI, "degree_obtained"))
    assert [f["name"] for f in facts] == ["category", "valid", "rate", "cap", "fields", "once_per_year", "title_effect", "evidence"]
    assert words.title_effect(QINGHAI, kind(QINGHAI, "public_course")) is None


def test_a_title_rules_years_and_who_it_is_for() -> None:
    qinghai = QINGHAI["readiness"]["targets"]
    assert words.window(qinghai[2]["window"]) == "自2020年以来任意3个年度（可不连续）各自达到当年要求"  # 中级 近3年
    assert words.window(qinghai[3]["window"]) == "申报当年或上一年达到当年要求"
    assert words.target_who(qinghai[0]) == "评审：正高级（学历学位：博士，已取得副高级职称）"
    hohhot = HOHHOT["readiness"]["targets"]
    assert words.window(hohhot[0]["window"]) == "2020、2021、2022年各年度达到当年要求（2020年专业科目不作要求）"
    assert words.window(hohhot[-1]["window"]) == "不要求继续教育学时"
    assert words.window(WEIHAI["readiness"]["targets"][0]["window"]).endswith("2018年以前的年度合计平均每年不少于100学时")


def test_a_requirement_a_reduction_and_a_make_up_in_a_sentence() -> None:
    assert words.requirement_sentence(QINGHAI["requirements"][-1]) == "每年公需科目 30 学时、专业科目 60 学时，合计 90 学时"
    assert words.requirement(WEIHAI["requirements"][-1])[:2] == ("不逐年考核", "不逐年考核")
    reductions = [(words.gender(r["gender"]), words.age_range(r), words.reduction(r)) for r in HOHHOT["readiness"]["reductions"]]
    assert ("男", "50—54周岁", "每项要求的 1/3") in reductions and ("女", "50周岁及以上", "不要求学时") in reductions
    assert words.make_up(HEFEI, HEFEI["make_up"][0]) == "各年度超出当年要求的学时，可按公需、专业分别补上一年度的不足（只能补上一年度）。"
    assert "补入2018、2019、2020年度的不足（仅适用于：" in words.make_up(QINGHAI, QINGHAI["make_up"][0])
