"""Chinese names for the scenario's codes, and number formatting shared by every output."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CATEGORY = {"public": "公需科目", "professional": "专业科目"}
TARGET_TYPE = {"review": "评审", "recognition": "认定", "series_change": "转系列", "appointment": "聘用"}
LEVEL = {
    "full_senior": "正高级",
    "senior": "副高级",
    "intermediate": "中级",
    "assistant": "助理级",
    "junior": "初级",
    "clerk": "员级",
}
GROUP = {
    "course": "课程学习",
    "training": "培训、研修、会议",
    "achievement": "论文、著作、专利、课题、获奖等成果",
    "qualification": "学历、学位、资格考试",
    "service": "授课、带教、评审、援派等工作",
    "situation": "特殊情形（视同完成、免除、转任）",
    "excluded": "不计学时",
}
STATUS = {
    "ready": "学时符合要求",
    "not_ready": "学时尚不符合要求",
    "exempt": "不要求继续教育学时",
    "reference_only": "学时仅作评审参考",
    "unknown": "无法判断",
    "industry_rules": "按行业主管部门的规定执行",
}


def hours(value: float) -> float | int:
    """Hours rounded half up to one decimal place; whole numbers as int (30, not 30.0)."""
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def fmt(value: float | int | None) -> str:
    if value is None:
        return "未知"
    return f"{hours(value):g}"


def target_label(target) -> str:
    return f"{target.year}年{LEVEL[target.level]}职称{TARGET_TYPE[target.type]}"
