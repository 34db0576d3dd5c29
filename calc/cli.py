"""Command line: `python -m calc check FILE [--json] [--today DATE]`, `python -m calc compare FILE
[--json] [--today DATE]`, `python -m calc kinds POLICY [--json]`, `python -m calc batch FILE
[--json] [--today DATE] [--out RESULT.xlsx|.csv]` (a unit's spreadsheet, contract batch.md:
calc/batch.py; exit 2 also when the spreadsheet cannot be used).

Exit status (scenario.md): 0 when the report has no errors, 1 when it has any, 2 when the file
cannot be read or parsed (or the command is misused).

No input gives a traceback. The file is checked before it is read: only a regular file is read
(a device such as /dev/zero or a pipe is refused, so nothing can hang), and at most the size limit
of calc/limits.py. It is read as the browser's import reads it: UTF-8, with or without a byte
order mark, or UTF-16 with one (Windows Notepad's "Unicode"). Output is always UTF-8, whatever
the terminal's locale; a lone surrogate the input carried is written as its escape (\\udfff).
With --json a report is printed in every case, with the error when the file cannot be used.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys

from datetime import date

from calc import limits
from calc.catalogue import catalogue
from calc.jsonio import error_report, parse, to_json
from calc.report import evaluate
from calc.clock import as_of
from calc.errors import error
from calc.summary import summary

USAGE = """用法：
  python -m calc check 学时记录.json [--json] [--today 2025-07-01]
                                     计算一份学时记录，输出中文摘要（--json 输出报告）
  python -m calc compare 学时记录.json [--json] [--today 2025-07-01]
                                     按各地区的规定计算同样的内容（--json 输出对比）
  python -m calc kinds 地区 [--json]   列出该地区可录入的活动类型
  python -m calc batch 人员表.xlsx [--json] [--today 2025-07-01] [--out 结果.xlsx]
                                     单位批量自查：逐人计算（.xlsx 或 .csv；--out 另存结果为 .xlsx 或 .csv）
  --today：按哪一天计算（哪些年度还能补学时、申报日期是否已过），默认为本机今天的日期
"""


def _out(stream, text: str) -> None:
    data = text.encode("utf-8", "backslashreplace")
    try:
        buffer = stream.buffer
    except AttributeError:  # a stream without bytes underneath (some test harnesses)
        stream.write(data.decode("utf-8"))
    else:
        buffer.write(data)
    stream.flush()


def write(text: str) -> None:
    _out(sys.stdout, text)


def say(text: str) -> None:
    _out(sys.stderr, text)


def read_file(path: str) -> tuple[str | None, dict | None]:
    """The file's text, or an error entry saying why it cannot be used."""
    data, problem = read_bytes(path, limits.MAX_SCENARIO_BYTES, "学时记录文件", ".json")
    return (None, problem) if problem else decode(data)


def read_bytes(path: str, limit: int, what: str = "学时记录文件", suffix: str = ".json") -> tuple[bytes | None, dict | None]:
    """The file's bytes, at most `limit` of them, or an error entry saying why it cannot be used;
    `what` and `suffix` name the file the command expects."""
    shown = os.fsdecode(path) if isinstance(path, bytes) else path
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; it changes nothing for a file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:
        reason = "文件不存在" if isinstance(exc, FileNotFoundError) else "没有读取权限" if isinstance(exc, PermissionError) else "无法打开"
        return None, error(None, None, f"无法读取文件 {shown}：{reason}。", code="file_unreadable")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, error(None, None, f"无法读取 {shown}：这是一个文件夹，不是{what}。", code="file_unreadable")
        if not stat.S_ISREG(info.st_mode):
            return None, error(None, None, f"无法读取 {shown}：这不是普通文件（例如设备或管道），请先保存为 {suffix} 文件。", code="file_unreadable")
        size = limit // 1_000_000
        if info.st_size > limit:
            return None, error(None, None, f"文件超过 {size} MB，无法读取。", code="file_too_large")
        chunks, total = [], 0
        while total <= limit:  # the size may change while it is read
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            return None, error(None, None, f"文件超过 {size} MB，无法读取。", code="file_too_large")
    except OSError:
        return None, error(None, None, f"无法读取文件 {shown}。", code="file_unreadable")
    finally:
        os.close(fd)
    return b"".join(chunks), None


def decode(data: bytes) -> tuple[str | None, dict | None]:
    """Bytes as the browser's import reads them: UTF-16 with its byte order mark, else UTF-8 (a
    byte order mark dropped)."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), None
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, error(None, None, "这个文件不是 UTF-8 或 UTF-16 编码的文本，无法读取。请用“导出文件”重新保存，或在编辑器中另存为 UTF-8。", code="encoding_invalid")


def main(argv: list[str]) -> int:
    try:
        return run(argv)
    except BrokenPipeError:  # `... | head`: the reader has gone; nothing more to say
        try:  # and nothing for the interpreter to flush into the closed pipe at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0
    except KeyboardInterrupt:
        return 130


def options(argv: list[str]) -> tuple[list[str], bool, date | None, str | None] | None:
    """The arguments without the options, --json, --today's date (None: the system's) and --out's
    file (batch); None when an option is misused."""
    args, as_json, today, out = [], False, None, None
    pending = iter(argv)
    for arg in pending:
        if arg == "--json":
            as_json = True
        elif arg == "--today" or arg.startswith("--today="):
            value = arg.split("=", 1)[1] if "=" in arg else next(pending, "")
            try:
                today = as_of(value)
            except ValueError:
                say(f"--today 须写成 2025-07-01 这样的日期，不能是“{value[:20]}”。\n")
                return None
        elif arg == "--out" or arg.startswith("--out="):
            out = arg.split("=", 1)[1] if "=" in arg else next(pending, "")
            if not out.lower().endswith((".xlsx", ".csv")):
                say(f"--out 须是 .xlsx 或 .csv 文件，不能是“{out[:40]}”。\n")
                return None
        else:
            args.append(arg)
    return args, as_json, today, out


def run(argv: list[str]) -> int:
    parsed = options(argv)
    if parsed is None:
        return 2
    args, as_json, today, out = parsed
    if len(args) != 2 or args[0] not in ("check", "compare", "kinds", "batch") or (out and args[0] != "batch"):
        say(USAGE)
        return 2
    command, target = args
    if command == "batch":
        from calc.batch_cli import batch  # noqa: PLC0415  (only this command reads spreadsheets)

        return batch(target, today, as_json, out)
    if command == "kinds":
        found = catalogue(target)
        if found is None:
            say(f"未知的地区政策“{target[:40]}”\n")
            return 2
        if as_json:
            write(to_json(found, indent=2) + "\n")
        else:
            for kind in found["kinds"]:
                fields = "、".join(f["label"] for f in kind["fields"]) or "无需填写"
                write(f"{kind['id']}\t{kind['name']}\t{fields}\t{kind['citation']}\n")
        return 0
    text, problem = read_file(target)
    if problem is None:
        raw, problem = parse(text)
    if problem:
        say(problem["message"] + "\n")
        if as_json:
            write(to_json(error_report(problem, today), indent=2) + "\n")
        return 2
    if command == "compare":
        from calc.compare import compare, compare_summary

        result = compare(raw, today)
        write(to_json(result, indent=2) + "\n" if as_json else compare_summary(result))
        return 1 if result["errors"] else 0
    report = evaluate(raw, today)
    write(to_json(report, indent=2) + "\n" if as_json else summary(report))
    return 1 if report["errors"] else 0
