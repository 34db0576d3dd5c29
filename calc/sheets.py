"""A unit's spreadsheet as rows of cells (contract batch.md): `.xlsx` (Excel, WPS) or `.csv`.

    open_book(data, filename) -> (sheets, None) | (None, problem)

A Sheet is its name and its rows that hold anything, each with the spreadsheet's own row number
(counting title rows): the first MAX_BATCH_ROWS + 1 of them (the header and the rows under it;
`cut` says where reading stopped when more follow), MAX_BATCH_COLUMNS cells a row. Cells are what the
file holds: None, text, a number, a boolean, a datetime; a date cell whose format shows only a
year and a month (yyyy"年"m"月", yyyy-mm) is given as the text `YYYY-MM`, which calc/dates.py
reads as a year and month (出生年月).

- `.xlsx` / `.xlsm`: openpyxl, imported here and nowhere else (never at `import calc`: the rest of
  calc and `python3 -S -m calc check` need no site-packages). Read-only, cached values of
  formulas. The zip's unpacked size is checked first (MAX_BATCH_UNPACKED). Chinese Excel and WPS
  store their date formats (yyyy"年"m"月"d"日" …) as built-in format numbers openpyxl does not know
  (ECMA-376 18.8.30, zh-cn): such a cell is a serial number there, turned into its date here.
- `.csv`: UTF-8 (with or without byte order mark) when it decodes strictly, else GB18030 (a
  superset of GBK, what Excel and WPS write in China); separated by commas, or by tabs or
  semicolons when those are what split the header.
- `.xls`, `.et` and anything else: refused, with a message saying to save as xlsx.

A problem is {"code", "message"}; codes: PROBLEM_CODES. Nothing here raises on bad input.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from calc import limits

PROBLEM_CODES = {
    "file_too_large": "the file is larger than MAX_BATCH_BYTES, or an xlsx unpacks to more than MAX_BATCH_UNPACKED",
    "format_unsupported": "not .xlsx or .csv (.xls, .et, …): to be saved as xlsx",
    "file_unreadable": "an .xlsx that is not a readable workbook (damaged, encrypted, another format renamed)",
    "encoding_invalid": "a .csv that is neither UTF-8 nor GB18030 text, or not CSV",
    "header_missing": "no row holds both 姓名 and 地区",
    "years_missing": "the 人员 sheet has no YYYY公需 / YYYY专业 column: nothing would be counted",
}

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and an encrypted .xlsx
NO_OPENPYXL = "读取和写入 .xlsx 需要 openpyxl，这里没有安装：请安装（pip install -r requirements-dev.txt），或另存为 CSV（.csv）。"
SAVE_AS_XLSX = "请在 Excel 或 WPS 中用“另存为”保存为 Excel 工作簿（.xlsx）后再选择。"
# Built-in number formats of Chinese Excel and WPS (ECMA-376 Part 1, 18.8.30, zh-cn) that openpyxl
# does not know: True when the format shows only a year and a month.
CHINESE_DATE_FORMATS = {27: True, 28: False, 29: False, 30: False, 31: False, 36: True, 50: True, 51: False,
                        52: True, 53: False, 54: False, 57: True, 58: False}
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_MAX_ROWS = 1_048_576  # a sheet has no more rows: a file that says otherwise is not read further


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells), rows holding anything
    cut: int | None = None  # the first row not read (the sheet goes on past MAX_BATCH_ROWS)


def problem(code: str, message: str) -> dict:
    if code not in PROBLEM_CODES:
        raise ValueError(f"unknown problem code {code!r}")
    return {"code": code, "message": message}


def open_book(data: bytes, filename: str) -> tuple[list[Sheet] | None, dict | None]:
    """The file's sheets (a CSV is one sheet named 人员), or None and the problem. `data`: bytes, a
    bytearray or memoryview, or Pyodide's proxy of a Uint8Array (its to_bytes())."""
    data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
    size = limits.MAX_BATCH_BYTES // 1_000_000
    if len(data) > limits.MAX_BATCH_BYTES:
        return None, problem("file_too_large", f"文件超过 {size} MB，无法读取。请把人员分成几个文件。")
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in ("xlsx", "xlsm"):
        return read_xlsx(data)
    if suffix == "csv":
        if data.startswith(b"PK\x03\x04") or data.startswith(OLE_SIGNATURE):
            return None, problem("format_unsupported", f"文件名是 .csv，内容却是 Excel 工作簿。{SAVE_AS_XLSX}")
        return read_csv(data)
    shown = f".{suffix}" if suffix else "没有扩展名的文件"
    if suffix in ("xls", "et", "ett", "xlsb", "ods", "numbers"):
        return None, problem("format_unsupported", f"不能读取 {shown} 格式。{SAVE_AS_XLSX}")
    return None, problem("format_unsupported", f"不能读取 {shown[:20]}：请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。")


def gathered(name: str, rows) -> Sheet:
    """A Sheet of the rows (number, cells) that hold anything, cells cut to MAX_BATCH_COLUMNS,
    strings stripped and empty strings None; reading stops past the row limit."""
    sheet = Sheet(name)
    for number, cells in rows:
        if number > EXCEL_MAX_ROWS:
            break  # nothing a spreadsheet can hold: a crafted file
        cells = [c.strip() or None if isinstance(c, str) else c for c in list(cells[: limits.MAX_BATCH_COLUMNS])]
        if not any(c is not None for c in cells):
            continue
        if len(sheet.rows) > limits.MAX_BATCH_ROWS:  # the header and MAX_BATCH_ROWS rows under it are read
            sheet.cut = number
            break
        sheet.rows.append((number, cells))
    return sheet


def read_csv(data: bytes) -> tuple[list[Sheet] | None, dict | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return None, problem("encoding_invalid", "这个 CSV 文件既不是 UTF-8 也不是 GBK/GB18030 编码，无法读取。请在 Excel 或 WPS 中另存为 CSV 或 xlsx。")
    if "\x00" in text:
        return None, problem("encoding_invalid", f"这个文件不是文本格式的 CSV，无法读取。{SAVE_AS_XLSX}")
    delimiter = separator(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return None, problem("encoding_invalid", f"这个 CSV 文件的格式有误（例如引号不成对或某一格过长），无法读取。{SAVE_AS_XLSX}")
    return [gathered("人员", enumerate(records, start=1))], None


def separator(text: str) -> str:
    """The comma, unless a line holding 姓名 and 地区 splits on a tab or a semicolon instead."""
    for line in text.splitlines()[: limits.MAX_BATCH_ROWS]:
        if "姓名" in line and "地区" in line:
            for mark in (",", "\t", ";"):
                if mark in line:
                    return mark
            break
    return ","


def read_xlsx(data: bytes) -> tuple[list[Sheet] | None, dict | None]:
    if data.startswith(OLE_SIGNATURE):
        return None, problem("format_unsupported", f"这个文件是旧版 Excel（.xls）或 WPS 格式，或设置了打开密码，无法读取。{SAVE_AS_XLSX}（如有密码，请先取消。）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None, problem("file_unreadable", f"这个文件不是有效的 Excel 工作簿（.xlsx），可能已损坏。{SAVE_AS_XLSX}")
    if unpacked > limits.MAX_BATCH_UNPACKED:
        return None, problem("file_too_large", f"这个工作簿解压后超过 {limits.MAX_BATCH_UNPACKED // 1_000_000} MB，无法读取。请删去无关的工作表、图片，或把人员分成几个文件。")
    import warnings  # noqa: PLC0415

    try:
        import openpyxl  # noqa: PLC0415  (only here: calc itself needs nothing beyond the standard library)
    except ImportError:
        return None, problem("format_unsupported", NO_OPENPYXL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it drops: nothing of ours
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = [gathered(ws.title, xlsx_rows(ws)) for ws in book.worksheets]
            finally:
                book.close()
    except Exception:  # noqa: BLE001 - a damaged workbook fails in many ways inside openpyxl
        return None, problem("file_unreadable", f"无法读取这个 Excel 工作簿，文件可能已损坏。{SAVE_AS_XLSX}")
    return sheets, None


def xlsx_rows(ws):
    """(row number, cell values) of a read-only worksheet, dates as calc/dates.py reads them. openpyxl
    yields every row from the first, missing ones as one shared empty row (skipped at once: a file
    may claim a row a million down), so the count is the row number."""
    ws.reset_dimensions()  # a wrong <dimension> (XFD1048576) must not pad every row to 16,384 cells
    missing = None
    for number, cells in enumerate(ws.iter_rows(max_col=limits.MAX_BATCH_COLUMNS), start=1):
        if cells is missing:
            yield number, ()
            continue
        if not any(hasattr(c, "row") for c in cells):  # no cell the file holds
            missing = cells  # openpyxl yields the same filler for each row the file does not have
            yield number, ()
            continue
        yield number, [cell_value(c) for c in cells]


def cell_value(cell) -> object:
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, (int, float, datetime)):
        return value
    style = cell.style_array if getattr(cell, "has_style", False) else None
    if isinstance(value, datetime):
        return f"{value.year:04d}-{value.month:02d}" if style is not None and month_only(cell.number_format) else value
    if style is not None and style.numFmtId in CHINESE_DATE_FORMATS and 0 < value < 2958466:
        day = EXCEL_EPOCH + timedelta(days=int(value))
        return f"{day.year:04d}-{day.month:02d}" if CHINESE_DATE_FORMATS[style.numFmtId] else day
    return value


def month_only(number_format: str) -> bool:
    """A date format that shows a year and a month but no day: yyyy"年"m"月", yyyy-mm, mmm-yy."""
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format or "").lower()
    return "y" in code and "m" in code and "d" not in code and "h" not in code and "s" not in code
