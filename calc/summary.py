"""A readable Chinese summary of a report, for the command line."""

from __future__ import annotations

from calc.vocabulary import fmt


def summary(report: dict) -> str:
    out: list[str] = []
    if report.get("policy"):
        out.append(f"地区政策：{report['policy']}")
    for year in report.get("years", []):
        req = year["required"]
        if req:
            source = "（您填写的要求）" if year["required_source"] == "user" else ""
            need = f"要求 公需{fmt(req['public'])} 专业{fmt(req['professional'])}{source}"
        elif not year.get("annual", True):
            need = "不逐年考核（见注）"
        else:
            need = "要求未知"
        flags = []
        if year["complete"]:
            flags.append("视同完成")
        if year["professional_full"]:
            flags.append("专业科目全部折算")
        extra = f"，{'、'.join(flags)}" if flags else ""
        out.append(
            f"\n{year['year']}年：公需{fmt(year['public'])} 专业{fmt(year['professional'])} 合计{fmt(year['total'])}学时；"
            f"{need} → {year['state_label'] if year.get('annual', True) else '申报时按平均学时核对'}{extra}"
        )
        for line in year["lines"]:
            note = f"（{line['note']}）" if line.get("note") else ""
            out.append(f"  · {line['name']}：{line['amount_text']}{note}  依据：{line['citation']}")
            if line.get("reading"):
                out.append(f"    本站理解：{line['reading']}")
        for note in year["notes"]:
            out.append(f"  注：{note}")
        if year.get("planned_text"):
            out.append(f"  {year['planned_text']}")
    verdict = report.get("readiness")
    if verdict:
        out.append(f"\n{verdict['headline']}")
        if verdict.get("next_step"):
            out.append(f"  下一步：{verdict['next_step']['text']}")
        for reason in verdict["reasons"]:
            out.append(f"  - {reason}")
    if report.get("deadlines"):
        out.append("\n时间节点：")
        for d in report["deadlines"]:
            out.append(f"  {d['date']}{' ' + d['time'] if d.get('time') else ''}（{d['who']}）{d['what']}  依据：{d['citation']}")
    if report.get("warnings"):
        out.append("\n请核对：")
        for w in report["warnings"]:
            out.append(f"  ! {w['message']}")
    if report.get("errors"):
        out.append("\n错误：")
        for e in report["errors"]:
            where = f"第{e['activity'] + 1}条活动 " if isinstance(e.get("activity"), int) else ""
            out.append(f"  ✗ {where}{e['message']}")
    return "\n".join(out).strip() + "\n"
