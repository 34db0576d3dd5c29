"""The one vocabulary: the Chinese word for every code of the scenario and report formats, the
terms that name what a figure is, and how numbers and spans of years are written.

Every output takes its words from here: the report (calc/report.py), the command line's summary,
the catalogue the calculator page renders (`vocabulary`, calc/catalogue.py) and the generated
pages (sitebuild/). Nothing else holds a table of these words: to change a word, change it here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from . import dates, limits

CATEGORY = {"public": "公需科目", "professional": "专业科目"}
CATEGORY_SHORT = {"public": "公需", "professional": "专业"}  # in tight places (the printed table)
NO_CATEGORY = "不计入公需、专业科目"  # a kind whose lines fill neither (视同完成, 不计学时)
TARGET_TYPE = {"review": "评审", "recognition": "认定", "series_change": "转系列", "appointment": "聘用"}
LEVEL = {
    "full_senior": "正高级",
    "senior": "副高级",
    "intermediate": "中级",
    "assistant": "助理级",
    "junior": "初级",
    "clerk": "员级",
}
DEGREE = {"college": "大专", "bachelor": "大学本科", "master": "硕士", "doctor": "博士"}
GENDER = {"male": "男", "female": "女"}
GROUP = {
    "course": "课程学习",
    "training": "培训、研修、会议",
    "achievement": "论文、著作、专利、课题、获奖等成果",
    "qualification": "学历、学位、资格考试",
    "service": "授课、带教、评审、援派等工作",
    "situation": "特殊情形（视同完成、免除、转任）",
    "excluded": "不计学时",
}
# readiness.status: the verdict on a title application
STATUS = {
    "ready": "学时条件已满足",
    "not_ready": "学时条件尚未满足",
    "exempt": "不要求继续教育学时",
    "reference_only": "学时仅作评审参考",
    "unknown": "无法判断",
    "industry_rules": "按行业主管部门的规定执行",
}
# years[].state: a year against its requirement
YEAR_STATE = {"met": "已达标", "short": "未达标", "unknown": "无法判断"}
# years[].application.state, where an age reduction changed the year's requirement for the application
APPLICATION_STATE = {"met": "减免后达标", "short": "减免后仍未达标"}
# readiness.verdict_label beyond the status labels: not yet enough, but enough once the planned
# entries are done; not enough, and nothing that can still happen would make it (reachable false)
VERDICT_LABEL = {"ready_after_plan": "完成计划后可满足", "cannot_be_met": "学时条件不能满足"}
# years[].required_source
REQUIRED_SOURCE = {"policy": "通知规定的要求", "user": "自填要求"}
# the kinds of a form's select, by the category their hours go to (catalogue `menu`)
MENU = {"public": "公需科目", "professional": "专业科目", None: "其他（整年认定、免修或不计学时）"}

# What a figure or a piece of text is, where it is shown beside it ("依据：…", "本站理解：…").
TERMS = {
    "hours": "学时",
    "total": "合计",
    "category": "类别",
    "credited": "已计学时",
    "required": "要求",
    "shortfall": "还差",
    "unknown": "未知",
    "citation": "依据",
    "required_citation": "年度要求依据",
    "reading": "本站理解",
    "how": "计算",
    "quote": "条款原文",
    "rate": "折算标准",
    "bands": "折算表",
    "case": "情形",
    "cap": "上限",
    "valid": "适用",
    "evidence": "证明材料",
    "rule": "规则编号",
    "counted": "计入",
    "credit": "已计",
    "not_credited": "未计",
    "optional": "可选",
    "default": "默认",
    "title_application": "职称申报",
    "deadlines": "截止",
    "user_requirement": "自填要求",
    "make_up": "补学",
    "planned": "计划",
    "next_step": "下一步",
    "not_entered": "未填写",
    "read_as": "读作",  # a date as calc read it, beside the field it was typed into (report.dates)
}

# Sentences about the rules that hold no number: shown where the data has nothing to say.
MESSAGES = {
    "no_person_facts": "本地区的规定不需要个人信息。",
    "no_deadlines": "本站收录的通知没有给出这一年的截止时间，请以当年的通知为准。",
    "other_deadlines": "通知给出的其他年度的时间节点见下方“截止时间”。",
    "no_options": "该年度已没有可计入这一类别的类型（都已到上限或不适用）。",
    "no_target": "未选择职称申报，仅逐年自查。",
    "grid": "按证书或学时证明（网络学院、继续教育平台打印的）逐年填写公需科目和专业科目的学时；论文、专利等其他成果在下面另行添加。",
    # how a verdict is decided where something is missing (calc/readiness.py), beside every verdict and on region pages
    "how_decided": (
        "结论怎样得出：这次申报的规定要用到、而您还没有填写的信息（性别、出生日期、任现职起始年份、学历学位、是否已取得副高级职称），"
        "以及通知没有给出、您也没有填写的年度要求，本站按它们所有可能的情况计算：每一种情况都满足，才说“学时条件已满足”；"
        "每一种情况都不满足，才说“学时条件尚未满足”；否则说“无法判断”，并指出是哪些信息或年度决定结论、其中几个年度须达标。"
        "通知没有给出的年度要求，不会低于全国规定的每年累计90学时。按今天的日期已经结束的年度，不再安排补学。"
    ),
    # a date field (calc/dates.py reads it): the forms it takes, shown until calc has read what was typed
    "date_forms": f"可写作 {dates.FORMS}。",
    "month_forms": f"可写作 {dates.FORMS}；只知道年月时写 {dates.EXAMPLE_MONTH}。",
    # the year grid, folded away for a person the notice hands to their industry's authority (青海 六(八))
    "handoff_grid": "您所在行业的继续教育学时按该行业自己的规定审验（见下一步）；这里按一般规定计算的学时仅供参考，不影响结论，可以不填。",
}

_MB = f"{limits.MAX_SCENARIO_BYTES / 1_000_000:g}"

# What the calculator page says of a file, a share link or a text kept in the browser that it
# cannot use, checked before anything of the user's is replaced (calc says the same of what reaches
# it, with an error code: calc/errors.py). calc's limits are written in here; the page fills the
# rest: {source} (how the page names the input: 文件“…”, 分享链接, 保存的内容), {outcome} (one of
# the input_outcome_* sentences), {size}, {version}, {region}, {regions}, {kind}.
INPUT_MESSAGES = {
    "input_outcome_import": "没有导入。您当前填写的内容没有改变。",
    "input_outcome_link": "无法打开。",
    "input_outcome_saved": "无法使用。",
    "input_outcome_calculate": "无法计算，请检查导入的文件。",
    "input_none_chosen": "没有选择文件。{outcome}",
    "input_nothing_saved": "没有保存的内容。",
    "input_too_large": "{source}有 {size} MB，超过 " + _MB + " MB 的上限，{outcome}",
    "input_link_too_large": "{source}的内容超过 " + _MB + " MB 的上限，{outcome}请让对方用“导出文件”发送文件。",
    "input_unreadable": "{source}无法读取，{outcome}",
    "input_encoding_invalid": "{source}不是 UTF-8 或 UTF-16 编码的文本，{outcome}请用本站“导出文件”保存的文件，或在编辑器中另存为 UTF-8。",
    "input_link_not_base64": "{source}已损坏：链接后面的数据不是有效的 base64url 数据，{outcome}",
    "input_link_not_utf8": "{source}已损坏：内容不是 UTF-8 文本，{outcome}",
    "input_link_not_inflated": "{source}已损坏：压缩的数据无法解开，{outcome}",
    "input_link_no_inflate": "此浏览器无法打开压缩的{source}（#z=）：请用较新版本的浏览器打开，或请对方用“导出文件”发送文件。",
    "input_json_invalid": "{source}不是有效的 JSON，不是本站的学时记录，{outcome}",
    "input_not_a_record": "{source}不是本站的学时记录（应为含 version、policy、activities 的 JSON 对象），{outcome}",
    "input_version_missing": "{source}不是本站导出的学时记录（没有版本号），{outcome}请选择用“导出文件”保存的文件。",
    "input_version_unsupported": "{source}是版本 {version} 的学时记录，本页只能读取版本 1 的记录，{outcome}",
    "input_region_unknown": "{source}中的地区“{region}”本站没有收录（本站收录：{regions}），{outcome}",
    "input_activities_not_list": "{source}中的 activities 不是列表，{outcome}",
    "input_too_deep": f"{{source}}的内容嵌套超过 {limits.MAX_DEPTH} 层（自定义内容 extra 也计算在内），{{outcome}}",
    "region_unknown": "未知地区“{region}”",
    "region_unknown_hint": "本站没有地区“{region}”的规定，请从列表中选择一个地区。",
    "kind_unknown": "未知类型“{kind}”",
}
MESSAGES.update(INPUT_MESSAGES)

# The fields of the scenario format outside a kind's own (scenario.md), as a form asks for them.
ACTIVITY_FIELDS = [
    {"name": "kind", "label": "类型", "type": "choice", "required": True},
    {"name": "year", "label": "年度", "type": "year", "unit": "年", "required": True},
    {"name": "title", "label": "名称或备注", "type": "text", "required": False},
    {"name": "evidence", "label": "证明材料", "type": "text", "required": False, "help": "如证书、结业证明、发表的期刊"},
]
TARGET_FIELDS = [
    {"name": "type", "label": "申报方式", "type": "choice", "required": True, "choices": TARGET_TYPE},
    {"name": "level", "label": "申报级别", "type": "choice", "required": True, "choices": LEVEL},
    {"name": "year", "label": "申报年度", "type": "year", "unit": "年", "required": True},
    {"name": "date", "label": "申报日期", "type": "date", "required": False, "help": "默认为当年12月31日"},
    {"name": "degree", "label": "学历学位", "type": "choice", "required": False, "choices": DEGREE},
    {"name": "has_deputy_senior", "label": "已取得副高级职称", "type": "boolean", "required": False,
     "help": "博士申报正高级职称时填写"},
]
REQUIREMENT_FIELDS = [
    {"name": "year", "label": "年度", "type": "year", "unit": "年", "required": True},
    {"name": "public", "label": CATEGORY["public"], "type": "number", "unit": "学时", "required": True},
    {"name": "professional", "label": CATEGORY["professional"], "type": "number", "unit": "学时", "required": True},
]


def hours(value: float) -> float | int:
    """Hours rounded half up to one decimal place; whole numbers as int (30, not 30.0)."""
    if isinstance(value, int) or float(value).is_integer():
        return int(value)
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def fmt(value: float | int | None) -> str:
    """A number as written in a sentence: 30, 12.5; unknown: 未知."""
    if value is None:
        return TERMS["unknown"]
    return str(hours(value))  # never 1e+06: hours are at most one decimal place


def dated_text(value: object) -> str:
    """A number, or a list of dated values ({years, value}): 2019—2020年 5；2021年起 6."""
    if isinstance(value, list):
        return "；".join(f"{years_text(v.get('years'))} {fmt(v.get('value'))}" for v in value)
    return fmt(value)


def years_text(span: dict | None) -> str:
    """A span of years {from, to} in words: 2019—2020年, 2025年, 2025年起, 2018年及以前, 各年度."""
    span = span or {}
    start, end = span.get("from"), span.get("to")
    if start and end:
        return f"{start}—{end}年" if start != end else f"{start}年"
    if start:
        return f"{start}年起"
    if end:
        return f"{end}年及以前"
    return "各年度"


def year_list_text(years: list[int]) -> str:
    """Years in words, runs of three or more consecutive years as a span: 2021—2023年,
    2020、2022—2024年, 2021、2023年."""
    if not years:
        return ""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts = []
    for run in runs:
        if len(run) >= 3 or (len(runs) == 1 and len(run) > 1):
            parts.append(f"{run[0]}—{run[-1]}")
        else:
            parts.extend(str(y) for y in run)
    return "、".join(parts) + "年"


def target_label(target) -> str:
    """2025年中级职称评审."""
    return f"{target.year}年{LEVEL[target.level]}职称{TARGET_TYPE[target.type]}"


def choice_list(words: dict) -> list[dict]:
    return [{"value": value, "label": label} for value, label in words.items()]


def form_field(spec: dict) -> dict:
    """A field of the scenario format as the catalogue gives a form: label, caption (the label
    with 可选 where it may be left out), type, unit, choices, help."""
    entry = {
        "name": spec["name"],
        "label": spec["label"],
        "caption": spec["label"] if spec["required"] else f"{spec['label']}（{TERMS['optional']}）",
        "type": spec["type"],
        "required": spec["required"],
        "unit": spec.get("unit"),
        "choices": choice_list(spec["choices"]) if spec.get("choices") else None,
        "help": spec.get("help"),
    }
    return entry


def vocabulary() -> dict:
    """The whole vocabulary, as the catalogue ships it (calc/schemas/catalogue.schema.json)."""
    return {
        "category": dict(CATEGORY),
        "category_short": dict(CATEGORY_SHORT),
        "no_category": NO_CATEGORY,
        "target_type": dict(TARGET_TYPE),
        "level": dict(LEVEL),
        "degree": dict(DEGREE),
        "gender": dict(GENDER),
        "group": dict(GROUP),
        "status": dict(STATUS),
        "year_state": dict(YEAR_STATE),
        "application_state": dict(APPLICATION_STATE),
        "verdict_label": dict(VERDICT_LABEL),
        "required_source": dict(REQUIRED_SOURCE),
        "terms": dict(TERMS),
        "messages": dict(MESSAGES),
        "fields": {
            "activity": [form_field(f) for f in ACTIVITY_FIELDS],
            "target": [form_field(f) for f in TARGET_FIELDS],
            "requirement": [form_field(f) for f in REQUIREMENT_FIELDS],
        },
    }
