"""The batch check's results as a file to download (contract batch.md): one row per person, columns
行号 姓名 编号 地区 申报 结论 下一步 问题, never an ID-card number (none is ever read).

    write_csv(results) -> bytes    UTF-8 with a byte order mark (Excel opens it as UTF-8), CRLF
    write_xlsx(results) -> bytes   one sheet 结果 (openpyxl, imported here only)
    sheet_bytes(sheets, ...)       a workbook of several sheets of rows (the template uses it too)

For the page's Web Worker (text in): write_json(results_json, form) -> bytes, the file of form
"xlsx" or "csv"; problems_json(results_json) -> each result's 问题 as a list of lines, which the
page shows in its table as the export words them.

`results` are calc.batch.results() (or check_json's rows). 问题 lists each error where the
spreadsheet has it (第4行“2024专业”：…), then the warnings (请核对：…) and the notes of the last row.
"""

from __future__ import annotations

import csv
import io
import json

from calc.vocabulary import TERMS

COLUMNS = ["行号", "姓名", "编号", "地区", "申报", "结论", TERMS["next_step"], "问题"]
CHECK = "请核对："
FORMULA_START = ("=", "+", "-", "@")  # a cell a spreadsheet would run as a formula


def rows(results: list[dict]) -> list[list]:
    """The export's rows, the header first."""
    found = [list(COLUMNS)]
    for result in results:
        found.append([result["row"], result["name"], result["id"], result.get("region"), result.get("target"),
                      result["label"], result["next_step"], problems(result)])
    return found


def problems(result: dict) -> str:
    return "\n".join(problem_lines(result))


def problem_lines(result: dict) -> list[str]:
    """The errors where the spreadsheet has them, the warnings (请核对：…), the notes."""
    lines = [where(e) + e["message"] for e in result["errors"]]
    lines += [CHECK + where(w) + w["message"] for w in result.get("warnings", [])]
    return lines + list(result.get("notes", []))


def where(problem: dict) -> str:
    """第4行“2024专业”：, “成果”表第7行“作者情况”：, or nothing for the file as a whole."""
    sheet, row, column = problem.get("sheet"), problem.get("row"), problem.get("column")
    place = f"第{row}行" if row is not None else ""
    if sheet and sheet != "人员" and (row is not None or column):
        place = f"“{sheet}”表{place}"
    if column:
        place += f"“{column}”"
    return f"{place}：" if place else ""


def write_csv(results: list[dict]) -> bytes:
    """The results as CSV, UTF-8 with a byte order mark (so that Excel and WPS read it as UTF-8)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows(results):
        writer.writerow(["" if v is None else f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(results: list[dict]) -> bytes:
    """The results as an .xlsx of one sheet, 结果."""
    return sheet_bytes({"结果": rows(results)}, widths={"结果": [6, 10, 10, 14, 22, 18, 40, 60]})


def problems_json(results_json: str) -> str:
    """problem_lines() of each result of a JSON list (calc.batch.check_json's), as a JSON list."""
    return json.dumps([problem_lines(result) for result in json.loads(results_json)], ensure_ascii=False)


def write_json(results_json: str, form: str) -> bytes:
    """The results of a JSON list as a file: write_xlsx for form "xlsx", write_csv for "csv"."""
    writers = {"xlsx": write_xlsx, "csv": write_csv}
    if form not in writers:
        raise ValueError(f"unknown form {form!r}: xlsx or csv")
    return writers[form](json.loads(results_json))


def sheet_bytes(sheets: dict[str, list[list]], widths: dict[str, list[int]] | None = None) -> bytes:
    """An .xlsx of the sheets (name -> rows, the header first): the header bold and frozen, text
    wrapped, and every text a text (never run as a formula)."""
    from openpyxl import Workbook  # noqa: PLC0415  (only here: calc itself needs the standard library only)
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, table in sheets.items():
        sheet = book.create_sheet(name)
        for values in table:
            sheet.append(values)
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if "\n" in cell.value:
                        cell.alignment = wrap
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for index, width in enumerate((widths or {}).get(name) or [], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
