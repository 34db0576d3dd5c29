"""A report's results in words: a year's state, its shortfall and the sentence that says it; a
line's amount, what its cap cut and what it credits; the one-sentence summary of a report.

The report carries these beside the numbers (calc/report.py), so a page shows them as they are
and never works out a gap or a cut itself (calc/schemas/report.schema.json names every field).
"""

from __future__ import annotations

from calc import rule_words
from calc.ledger import EPSILON, Year
from calc.vocabulary import CATEGORY, CATEGORY_SHORT, STATUS, TERMS, YEAR_STATE, fmt, hours


def year_state(year: Year) -> str:
    """met, short or unknown (the notice gives no figures, judges otherwise, or hands the person on)."""
    return "met" if year.met is True else "short" if year.met is False else "unknown"


def year_shortfall(year: Year) -> dict:
    """The hours a year still lacks per category and in total (None where the requirement is unknown)."""
    gap: dict = {}
    for category in CATEGORY:
        short = year.shortfall(category)
        gap[category] = None if short is None else hours(short if short > EPSILON else 0)
    known = gap["public"] is not None and gap["professional"] is not None
    gap["total"] = hours(gap["public"] + gap["professional"]) if known else None
    return gap


def state_text(year: Year, state: str, gap: dict) -> str:
    """The sentence under a year's heading."""
    if state == "met":
        if year.complete:
            return "该年度视为已完成全部学时。"
        return f"{CATEGORY['public']}和{CATEGORY['professional']}都已达到要求。"
    if state == "short":
        parts = [f"{CATEGORY[c]}还差 {fmt(gap[c])} 学时" for c in CATEGORY if gap[c]]
        return f"{'，'.join(parts) or '尚未达到要求'}。"
    if not year.judged:
        return "按一般规定计算的学时仅供参考，不判断是否达标（见下方说明）。"
    if not year.requirement.annual:
        return "通知对这些年度不按每年学时判断（见下方说明）。"
    if year.requirement.outside:
        return "该年度在调入本地区以前，按原地区的规定判断；原地区当年的要求未知，所以无法判断。"
    if not year.requirement.known:
        return "本站收录的通知没有规定该年度的学时要求，所以无法判断。"
    return f"{YEAR_STATE['unknown']}。"


def requirement_prompt(year: Year) -> str | None:
    """Where the user may enter the year's figures themselves: the invitation to (None elsewhere,
    and for a person the notice hands to other rules: figures entered would not be judged either)."""
    if year.requirement.known or not year.requirement.annual or not year.judged:
        return None
    if year.requirement.outside:
        return "如您手头有原地区当年的通知，可以填写当年的要求："
    return "如您手头有当年的通知，可以填写当年的要求："


def moved(year: Year, category: str) -> tuple[float, list[int], float, list[int]]:
    """Make-up hours of a category: received and the years they came from, given and the years
    they went to."""
    received = given = 0.0
    sources: list[int] = []
    sinks: list[int] = []
    for line in year.lines:
        if line.kind != "make_up" or line.category != category:
            continue
        if line.hours > 0:
            received += line.hours
            sources.append(line.partner)
        else:
            given -= line.hours
            sinks.append(line.partner)
    return received, sources, given, sinks


def category_text(year: Year, category: str) -> str:
    """A category's hours against its requirement, with what a make-up moved, as the year's card
    and the printed sheet show it: 30/30; 40 + 补学20 / 60（2024年补入）; 142/60（另有20学时补入2023年）."""
    needed = getattr(year.requirement, category) if year.requirement.known else None
    against = "" if needed is None else f"/{fmt(needed)}"
    received, sources, given, sinks = moved(year, category)
    if received > EPSILON:
        own = year.hours(category) - received
        years = "、".join(str(y) for y in sorted(set(sources)))
        return f"{fmt(own)} + {TERMS['make_up']}{fmt(received)}{' ' + against.replace('/', '/ ') if against else ''}（{years}年补入）"
    text = f"{fmt(year.hours(category))}{against}"
    if given > EPSILON:
        years = "、".join(str(y) for y in sorted(set(sinks)))
        text += f"（另有{fmt(given)}学时补入{years}年）"
    return text


def figures_text(year: Year) -> str:
    """A year's hours against its requirement in one line: 公需 35/30，专业 40 + 补学20 / 60（2024年补入）."""
    text = "，".join(f"{CATEGORY_SHORT[c]} {category_text(year, c)}" for c in CATEGORY)
    if not year.requirement.known:
        return text + f"（{TERMS['required']}{TERMS['unknown']}）"
    return text + "（按您填写的要求）" if year.requirement.source == "user" else text


PROFESSIONAL_FULL = "该年度专业科目学时已整体认定（按规定视为完成全年专业科目要求）。"


def year_words(year: Year) -> dict:
    state = year_state(year)
    gap = year_shortfall(year)
    return {
        "state": state,
        "state_label": YEAR_STATE[state],
        "state_text": state_text(year, state, gap),
        "shortfall": gap,
        "figures_text": figures_text(year),
        "category_text": {c: category_text(year, c) for c in CATEGORY},
        "requirement_prompt": requirement_prompt(year),
        "professional_full_text": PROFESSIONAL_FULL if year.professional_full else None,
    }


def line_words(line) -> dict:
    """A line's amount, its cap and what the cap cut, and what it credits (for the activity's card)."""
    amount, uncapped = hours(line.hours), hours(line.uncapped)
    cut = hours(max(0.0, line.uncapped - line.hours))
    label = CATEGORY.get(line.category)
    if label:
        amount_text = f"{label} {fmt(amount)}学时"
    else:  # 视同完成, 不计学时: the note says what it does
        amount_text = f"{fmt(amount)}学时" if amount else "不直接计学时"
    scope = rule_words.cap_with_scope(line.cap)
    if scope is None:
        cap_text = "无"
    else:
        cap_text = f"{scope}；本条" + (f"削减 {fmt(cut)} 学时" if cut > 0 else "未受上限影响")
    cut_text = None
    if cut > 0:
        cut_text = f"按规则应计 {fmt(uncapped)} 学时，因上限少计 {fmt(cut)} 学时" + (f"（{TERMS['cap']}：{scope}）" if scope else "") + "。"
    before = f"（未计上限前 {fmt(uncapped)} 学时）" if uncapped != amount else ""
    return {
        "category_label": label,
        "amount_text": amount_text,
        "cap_cut": cut,
        "cap_cut_text": cut_text,
        "cap_text": cap_text,
        "credit_text": f"{line.year}年{label or ''}{fmt(amount)}学时{before}",
    }


def planned_words(done, projected, planned: set[int]) -> dict[int, dict]:
    """What the planned entries add to each year (the ledger with them against the ledger without):
    {year: {planned: {public, professional, total}, planned_text, planned_lines}}; the hours are
    after caps and make-up, so a planned course that fills the year before shows there."""
    found = {}
    for number, year in projected.years.items():
        before = done.years.get(number)
        lines = [line for line in year.lines if line.activity in planned]
        added = {c: year.hours(c) - (before.hours(c) if before else 0.0) for c in CATEGORY}
        if not lines and all(abs(v) <= EPSILON for v in added.values()):
            continue
        added["total"] = added["public"] + added["professional"]
        parts = [f"{CATEGORY_SHORT[c]} {'+' if added[c] >= 0 else ''}{fmt(added[c])}" for c in CATEGORY if abs(added[c]) > EPSILON]
        after = YEAR_STATE[year_state(year)]
        found[number] = {
            "planned": {k: hours(v) for k, v in added.items()},
            "planned_text": f"{TERMS['planned']}：{'，'.join(parts) or '不增加学时'}（完成后{after}，尚未计入）",
            "planned_lines": [{**line.as_report(), **line_words(line)} for line in lines],
        }
    return found


def brief_text(report: dict) -> str:
    """The report in a few words, for the phone's result bar: the answer to the title application
    (职称申报：无法判断，先填写性别、出生日期) when there is one, else the years' summary."""
    verdict = report.get("readiness")
    if verdict and verdict.get("headline"):
        return f"{TERMS['title_application']}：{verdict['headline'].split('：', 1)[-1]}"
    return summary_text(report)


def summary_text(report: dict) -> str:
    """The report in one sentence (for a screen reader, the phone's result bar): each state's
    years, the verdict, how many entries need changing."""
    parts = []
    years = report.get("years", [])
    labels: dict[str, list[int]] = {}
    for year in years:  # as the application judges a year, where it differs (减免后达标)
        labels.setdefault((year.get("application") or year)["state_label"], []).append(year["year"])
    for label, found in labels.items():
        parts.append(f"{'、'.join(str(y) for y in found)}年{label}")
    verdict = report.get("readiness")
    if verdict:
        short = verdict.get("headline", "").split("：", 1)[-1] if verdict.get("headline") else STATUS[verdict["status"]]
        parts.append(f"{TERMS['title_application']}：{short}")
    if report.get("errors"):
        parts.append(f"{len(report['errors'])}处需要修改")
    return "；".join(parts) or "暂无数据"
