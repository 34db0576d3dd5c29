"""Command line: `python -m calc check FILE [--json]`, `python -m calc kinds POLICY [--json]`.

Exit status (scenario.md): 0 when the report has no errors, 1 when it has any, 2 when the file
cannot be read or parsed (or the command is misused).
"""

from __future__ import annotations

import json
import sys

from calc import catalogue, evaluate, parse
from calc.summary import summary

USAGE = """用法：
  python -m calc check 情景文件.json [--json]   计算一个情景，输出中文摘要（--json 输出报告）
  python -m calc kinds 地区 [--json]            列出该地区可录入的活动类型
"""


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    if len(args) != 2 or args[0] not in ("check", "kinds"):
        sys.stderr.write(USAGE)
        return 2
    command, target = args
    if command == "kinds":
        found = catalogue(target)
        if found is None:
            sys.stderr.write(f"未知的地区政策“{target}”\n")
            return 2
        if as_json:
            write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        else:
            for kind in found["kinds"]:
                fields = "、".join(f["label"] for f in kind["fields"]) or "无需填写"
                write(f"{kind['id']}\t{kind['name']}\t{fields}\t{kind['citation']}\n")
        return 0
    try:
        with open(target, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"无法读取文件 {target}：{exc.__class__.__name__}\n")
        return 2
    raw, problem = parse(text)
    if problem:
        sys.stderr.write(problem["message"] + "\n")
        if as_json:
            write(json.dumps({"version": 1, "policy": None, "years": [], "deadlines": [], "errors": [problem]}, ensure_ascii=False, indent=2) + "\n")
        return 2
    report = evaluate(raw)
    write(json.dumps(report, ensure_ascii=False, indent=2) + "\n" if as_json else summary(report))
    return 1 if report["errors"] else 0
