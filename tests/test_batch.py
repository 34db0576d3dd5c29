"""单位批量自查 (issue 23, contract batch.md): a unit's spreadsheet read into one scenario per
person, each computed by calc.evaluate as `python -m calc check` computes it, with every problem
said at its row and column. Every rule of the contract has a test here; `today` is always fixed."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import calc
from calc import batch, batch_export, batch_template, limits
from calc.report import build
from tests.unit_staff import builtin_format

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2025, 7, 1)
ID_NUMBER = "11010119730501123X"  # made up, but shaped like a resident ID number
HEADER = ["姓名", "编号", "地区", "申报年度", "申报类型", "申报级别", "2023公需", "2023专业", "2024公需", "2024专业", "2025公需", "2025专业"]


def csv_bytes(rows: list[list], encoding: str = "utf-8", newline: str = "\n") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=newline).writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None) -> bytes:
    """An .xlsx written by openpyxl (dates as real date cells); formats: (sheet, cell) -> number format."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    for (name, cell), number_format in (formats or {}).items():
        book[name][cell].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_csv(rows: list[list], **options) -> batch.Workbook:
    return batch.read(csv_bytes(rows, **options), "人员.csv")


def person(book: batch.Workbook, name: str) -> batch.Person:
    return next(p for p in book.people if p.name == name)


def result_of(book: batch.Workbook, name: str) -> dict:
    return batch.check(person(book, name), TODAY)


def grid(policy: str, *cells: tuple[int, str, float]) -> list[dict]:
    """The activities a year grid's cells make: (year, public|professional, hours)."""
    spec = calc.catalogue(policy)["grid"]
    return [{"kind": spec[category]["kind"], "year": year, "hours": hours} for year, category, hours in cells]


def messages(result: dict) -> list[tuple[int | None, str | None, str]]:
    return [(e["row"], e["column"], e["message"]) for e in result["errors"]]


def everything(book: batch.Workbook) -> str:
    """All a workbook and its results could show: scenarios, results, notes, exports."""
    found = batch.results(book, TODAY)
    exported = batch_export.write_csv(found).decode("utf-8-sig")
    sheet = openpyxl.load_workbook(io.BytesIO(batch_export.write_xlsx(found))).active
    exported += json.dumps([list(r) for r in sheet.iter_rows(values_only=True)], ensure_ascii=False, default=str)
    return json.dumps([p.as_dict() for p in book.people], ensure_ascii=False) + json.dumps(found, ensure_ascii=False) + exported


# --- reading a sheet -----------------------------------------------------------------------


def test_the_header_row_is_the_first_holding_both_name_and_region_and_row_numbers_count_title_rows():
    book = read_csv([["某某单位 2025年继续教育学时自查"], ["填表说明：学时按证书填写"], HEADER,
                     ["张三", "A1", "合肥市", "", "", "", 30, 60, 30, 60, 30, 60]])
    assert book.problem is None
    assert [(p.row, p.name) for p in book.people] == [(4, "张三")]
    assert batch.check(book.people[0], TODAY)["row"] == 4


def test_entirely_empty_rows_are_skipped():
    book = read_csv([HEADER, ["张三", "A1", "合肥市"], [], ["", "", ""], ["李四", "A2", "合肥市"]])
    assert [(p.row, p.name) for p in book.people] == [(2, "张三"), (5, "李四")]


def test_headers_are_compared_after_nfkc_and_without_spaces_and_year_words():
    header = ["姓 名", "地区", "2024年公需科目（学时）", "2024 专业", "２０２５公需", "2025年专业科目(学时)"]
    book = read_csv([header, ["张三", "合肥", 30, 60, 31, 61]])
    assert book.people[0].scenario["activities"] == grid("hefei", (2024, "public", 30), (2024, "professional", 60),
                                                          (2025, "public", 31), (2025, "professional", 61))


def test_the_same_column_twice_is_an_error_and_the_first_is_read():
    book = read_csv([["姓名", "地区", "2024公需", "2024年公需科目"], ["张三", "合肥", 30, 45]])
    assert book.people[0].scenario["activities"] == grid("hefei", (2024, "public", 30))
    assert book.errors == [{"sheet": "人员", "row": 1, "column": "2024年公需科目", "message": "“2024年公需科目”与“2024公需”是同一列，只读取了前一个。"}]
    assert batch.results(book, TODAY)[-1]["name"] is None


def test_column_order_is_free():
    one = read_csv([["地区", "2024专业", "姓名", "2024公需"], ["合肥", 60, "张三", 30]]).people[0].scenario
    two = read_csv([["姓名", "2024公需", "2024专业", "地区"], ["张三", 30, 60, "合肥"]]).people[0].scenario
    assert sorted(one["activities"], key=str) == sorted(two["activities"], key=str)


def test_unknown_columns_are_reported_once_with_their_header_and_ignored():
    book = read_csv([["姓名", "地区", "2024公需", "科室", "备注"], ["张三", "合肥", 30, "内科", "x"], ["李四", "合肥", 30, "外科", ""]])
    assert book.notes == ["“人员”表中不认识的列已忽略：科室、备注。"]
    assert all(not p.errors for p in book.people)
    assert batch.results(book, TODAY)[-1]["notes"] == book.notes


def test_a_column_without_header_but_with_values_is_unknown():
    book = read_csv([["姓名", "地区", "2024公需", ""], ["张三", "合肥", 30, "x"]])
    assert book.notes == ["“人员”表中不认识的列已忽略：第D列（无标题）。"]


def test_a_sheet_without_name_and_region_headers_is_unusable():
    book = read_csv([["名字", "地方", "2024公需"], ["张三", "合肥", 30]])
    assert book.problem["code"] == "header_missing" and "姓名" in book.problem["message"] and not book.people


def test_a_people_sheet_without_a_year_column_is_refused():
    book = read_csv([["姓名", "地区", "申报年度"], ["张三", "合肥", 2025]])
    assert book.problem["code"] == "years_missing" and "2024公需" in book.problem["message"]


# --- encodings and formats ------------------------------------------------------------------


def test_a_gbk_csv_as_excel_and_wps_write_it():
    rows = [["某单位继续教育学时汇总表（2025年）"], HEADER + ["所在行业"],
            ["张三", "001", "青海省", 2025, "评审", "中级", 30, 60, 30, 60, 30, 60, "卫生"],
            ["李四", "002", "西宁", 2025, "认定", "初级", 30, 60, 30, 60, 30, 60, ""]]
    data = csv_bytes(rows, encoding="gb18030", newline="\r\n")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    book = batch.read(data, "人员.CSV")
    assert book.problem is None and [(p.row, p.name, p.id) for p in book.people] == [(3, "张三", "001"), (4, "李四", "002")]
    assert person(book, "张三").scenario["person"] == {"industry": "health"}
    assert person(book, "李四").scenario["target"] == {"year": 2025, "type": "recognition", "level": "junior"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings(encoding):
    book = read_csv([HEADER, ["王小明", "A1", "呼和浩特市", "", "", "", 30, 60, 30, 60, 30, 60]], encoding=encoding)
    assert book.people[0].name == "王小明" and book.people[0].scenario["policy"] == "hohhot"


def test_a_csv_separated_by_tabs_or_semicolons():
    for mark in ("\t", ";"):
        text = mark.join(["姓名", "地区", "2024公需"]) + "\n" + mark.join(["张三", "合肥", "30"]) + "\n"
        assert batch.read(text.encode(), "a.csv").people[0].scenario["activities"] == grid("hefei", (2024, "public", 30))


def test_an_xlsx_with_real_date_cells():
    data = xlsx_bytes({"人员": [
        ["姓名", "地区", "性别", "出生日期", "申报年度", "申报类型", "申报级别", "申报日期", "2021公需", "2021专业"],
        ["赵丽华", "呼和浩特市", "女", datetime(1973, 5, 1), 2022, "评审", "副高级", date(2022, 11, 1), 20, None],
        ["钱明", "呼和浩特市", "男", datetime(1968, 9, 30), 2022, "评审", "副高级", None, 30, 60],
    ]})
    book = batch.read(data, "单位.xlsx")
    assert book.problem is None and not book.notes and not book.errors
    zhao = person(book, "赵丽华").scenario
    assert zhao["person"] == {"gender": "female", "birth_date": "1973-05-01"}
    assert zhao["target"] == {"year": 2022, "type": "review", "level": "senior", "date": "2022-11-01"}
    assert zhao["activities"] == grid("hohhot", (2021, "public", 20))
    assert person(book, "钱明").scenario["person"]["birth_date"] == "1968-09-30"


def test_a_date_cell_formatted_as_year_and_month_is_a_year_and_month():
    data = xlsx_bytes({"人员": [["姓名", "地区", "出生年月", "2024公需"], ["赵丽华", "呼和浩特", datetime(1973, 5, 1), 30]]},
                      formats={("人员", "C2"): 'yyyy"年"m"月"'})
    assert batch.read(data, "a.xlsx").people[0].scenario["person"] == {"birth_date": "1973-05"}



@pytest.mark.parametrize("builtin,expected", [(31, "1973-05-01"), (57, "1973-05"), (27, "1973-05")])
def test_chinese_excels_builtin_date_formats_are_dates(builtin, expected):
    data = xlsx_bytes({"人员": [["姓名", "地区", "出生日期", "2024公需"], ["赵丽华", "呼和浩特", 26785, 30]]},
                      formats={("人员", "C2"): "0.000"})
    patched = builtin_format(data, "0.000", builtin)
    assert openpyxl.load_workbook(io.BytesIO(patched), read_only=True)["人员"]["C2"].value == 26785  # openpyxl alone: a number
    assert batch.read(patched, "a.xlsx").people[0].scenario["person"] == {"birth_date": expected}


@pytest.mark.parametrize("name", ["人员.xls", "人员.et", "人员.ods", "人员.txt", "人员"])
def test_xls_and_other_formats_are_refused_with_save_as_xlsx(name):
    book = batch.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name)
    assert book.problem["code"] == "format_unsupported" and not book.people
    assert ".xlsx" in book.problem["message"]


def test_an_xls_renamed_xlsx_and_an_xlsx_renamed_csv_are_refused():
    assert batch.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.xlsx").problem["code"] == "format_unsupported"
    assert batch.read(xlsx_bytes({"人员": [HEADER]}), "a.csv").problem["code"] == "format_unsupported"
    assert batch.read(b"PK\x03\x04 broken", "a.xlsx").problem["code"] == "file_unreadable"
    assert batch.read(b"\xff\xfe\x00\x00 not text", "a.csv").problem["code"] == "encoding_invalid"


def test_import_calc_and_the_batch_module_do_not_import_openpyxl():
    code = "import sys, calc, calc.batch, calc.cli; print(any(m.startswith('openpyxl') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["1973-05-01", "1973/5/1", "1973.5.1", "19730501", "1973年5月1日", "１９７３／５／１"])
def test_dates_as_people_write_them(written):
    book = read_csv([["姓名", "地区", "出生日期", "2024公需"], ["赵丽华", "呼和浩特", written, 30]])
    assert book.people[0].scenario["person"] == {"birth_date": "1973-05-01"} and not book.people[0].errors


@pytest.mark.parametrize("written", ["1973-05", "1973年5月", "197305", "1973/5", "1973.5"])
def test_a_birth_year_and_month_goes_into_the_scenario_as_such(written):
    """出生年月: the day stays open for the verdict's bounds (the lead extends the scenario reader
    to accept it; until then calc may answer with a date error, which this test does not check)."""
    book = read_csv([["姓名", "地区", "出生年月", "2024公需"], ["赵丽华", "呼和浩特", written, 30]])
    assert book.people[0].scenario["person"] == {"birth_date": "1973-05"} and not book.people[0].errors


def test_an_application_date_needs_a_day():
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "申报日期", "2024公需"],
                     ["张三", "合肥", 2025, "评审", "中级", "2025-11", 30]])
    assert messages(batch.check(book.people[0], TODAY))[0][:2] == (2, "申报日期")
    assert "date" not in book.people[0].scenario["target"]


# --- ID-card numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["身份证号", "身份证号码", "证件号码", "公民身份证", "证件号"])
def test_an_id_card_column_is_not_read_not_shown_not_exported_and_said_once(header):
    book = read_csv([["姓名", header, "地区", "2024公需"], ["张三", ID_NUMBER, "合肥", 30], ["李四", "", "合肥", 30]])
    assert book.notes == [f"“人员”表的身份证号码列（{header}）未读取、不显示、不导出：本工具不需要身份证号。"]
    assert ID_NUMBER not in everything(book) and ID_NUMBER[:17] not in everything(book)
    assert all(not p.errors for p in book.people)


def test_a_column_whose_values_look_like_id_numbers_is_an_id_column_whatever_its_header():
    book = read_csv([["姓名", "号码", "编号", "地区", "2024公需"], ["张三", ID_NUMBER, "110101198001011234", "合肥", 30]])
    assert book.notes == ["“人员”表的身份证号码列（号码、编号）未读取、不显示、不导出：本工具不需要身份证号。"]
    assert book.people[0].id is None
    assert "110101198001011234" not in everything(book) and ID_NUMBER not in everything(book)


def test_an_id_number_in_another_column_is_an_error_on_its_cell_never_repeated():
    book = read_csv([["姓名", "地区", "2024公需", "2024专业"], [ID_NUMBER, "合肥", 30, 110101198001011234]])
    result = batch.check(book.people[0], TODAY)
    assert [(r, c) for r, c, _ in messages(result)] == [(2, "姓名"), (2, "2024专业"), (2, "姓名")]
    assert ID_NUMBER not in everything(book) and "110101198001011234" not in everything(book)


def test_an_id_number_excel_turned_into_a_number_is_still_not_read():
    data = xlsx_bytes({"人员": [["姓名", "号码", "地区", "2024公需"], ["张三", 110101197305011234, "合肥", 30]]})
    book = batch.read(data, "a.xlsx")
    assert "号码" in book.notes[0] and "110101197305011234" not in everything(book)
    book = read_csv([["姓名", "号码", "地区", "2024公需"], ["张三", "1.10101E+17", "合肥", 30]])
    assert "号码" in book.notes[0]


# --- the 人员 sheet's columns ---------------------------------------------------------------


@pytest.mark.parametrize("written,policy", [
    ("qinghai", "qinghai"), ("青海省", "qinghai"), ("青海", "qinghai"), ("xining", "xining"), ("西宁市", "xining"),
    ("西宁市（按青海省的规定）", "xining"), ("威海市", "weihai"), ("威海", "weihai"), ("合肥市", "hefei"), ("HEFEI", "hefei"),
    ("呼和浩特市", "hohhot"), ("呼和浩特", "hohhot"), ("　合肥市 ", "hefei"),
])
def test_the_region_by_id_or_chinese_name(written, policy):
    book = read_csv([["姓名", "地区", "2024公需"], ["张三", written, 30]])
    assert book.people[0].scenario["policy"] == policy and not batch.check(book.people[0], TODAY)["errors"]


def test_region_names_come_from_calcs_policies_not_a_list_of_our_own():
    names = {p["name"] for p in calc.policies()}
    assert names == {"青海省", "西宁市", "威海市", "合肥市", "呼和浩特市"}
    for entry in calc.policies():
        book = read_csv([["姓名", "地区", "2024公需"], ["张三", entry["name"], 30]])
        assert book.people[0].scenario["policy"] == entry["id"]
        assert book.people[0].region == entry["label"]


def test_an_unknown_region_is_calcs_error_on_the_region_column_and_the_others_are_computed():
    book = read_csv([["姓名", "地区", "2024公需"], ["张三", "火星市", 30], ["李四", "合肥", 30]])
    bad, good = (batch.check(p, TODAY) for p in book.people)
    assert messages(bad) == [(2, "地区", calc.evaluate({"version": 1, "policy": "火星市"}, TODAY)["errors"][0]["message"])]
    assert bad["status"] is None and good["errors"] == [] and good["label"] == "2024年未达标"


def test_an_ambiguous_region_is_an_error():
    book = read_csv([["姓名", "地区", "2024公需"], ["张三", "市", 30]])
    assert messages(batch.check(book.people[0], TODAY))[0][1] == "地区"


@pytest.mark.parametrize("written_type,written_level,ttype,level", [
    ("评审", "中级", "review", "intermediate"), ("认定", "初级", "recognition", "junior"),
    ("转系列", "助理级", "series_change", "assistant"), ("聘用", "员级", "appointment", "clerk"),
    ("review", "full_senior", "review", "full_senior"), ("评审", "正高级", "review", "full_senior"),
    ("评审", "副高级", "review", "senior"), ("评审", "正高", "review", "full_senior"),
])
def test_the_application_by_chinese_label_or_id(written_type, written_level, ttype, level):
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "2024公需"], ["张三", "合肥", 2025, written_type, written_level, 30]])
    assert book.people[0].scenario["target"] == {"year": 2025, "type": ttype, "level": level}


def test_the_vocabularys_label_for_the_type_is_read_too():
    book = read_csv([["姓名", "地区", "申报年度", "申报方式", "申报级别", "2024公需"], ["张三", "合肥", 2025, "评审", "中级", 30]])
    assert book.people[0].scenario["target"]["type"] == "review"


def test_a_level_that_could_be_two_is_an_error_on_its_column():
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "2024公需"], ["张三", "合肥", 2025, "评审", "高级", 30]])
    result = batch.check(book.people[0], TODAY)
    assert (2, "申报级别", "“高级”可以指正高级、副高级，请写全称。") in messages(result)


@pytest.mark.parametrize("written,degree", [("大专", "college"), ("本科", "bachelor"), ("大学本科", "bachelor"), ("硕士", "master"),
                                            ("博士", "doctor"), ("doctor", "doctor")])
def test_degree(written, degree):
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "学历学位", "2024公需"],
                     ["张三", "青海", 2025, "评审", "正高级", written, 30]])
    assert book.people[0].scenario["target"]["degree"] == degree


@pytest.mark.parametrize("written,value", [("是", True), ("否", False), ("TRUE", True), ("false", False)])
def test_has_deputy_senior_yes_or_no(written, value):
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "学历学位", "已取得副高", "2024公需"],
                     ["张三", "青海", 2025, "评审", "正高级", "博士", written, 30]])
    assert book.people[0].scenario["target"]["has_deputy_senior"] is value


def test_a_yes_no_cell_that_is_neither_is_an_error():
    book = read_csv([["姓名", "地区", "已取得副高", "2024公需"], ["张三", "青海", "有", 30]])
    assert book.people[0].errors == [{"sheet": "人员", "row": 2, "column": "已取得副高", "message": "只能填“是”或“否”，不能是“有”。"}]


def test_person_facts_by_their_labels_and_batch_mds_names():
    header = ["姓名", "地区", "任现职年份", "性别", "出生日期", "所在行业", "单位性质", "在乡镇等基层一线工作", "自市外调入合肥的年份",
              "申报双职称", "2024公需"]
    book = read_csv([header, ["张三", "青海", "2019年", "男", "1970-01-02", "卫生", "非公有制经济领域", "是", 2021, "否", 30]])
    assert book.people[0].scenario["person"] == {
        "tenure_start": 2019, "gender": "male", "birth_date": "1970-01-02", "industry": "health", "sector": "non_public",
        "grassroots": True, "transferred_in_year": 2021, "dual_title": False}
    assert not book.notes and not book.people[0].errors


def test_each_regions_full_person_fact_label_is_a_header():
    for policy in calc.policies():
        for fact in calc.catalogue(policy["id"])["person"]:
            value = {"boolean": "是", "year": 2020, "date": "1970-01-01", "choice": fact["choices"][0]["label"] if fact["choices"] else ""}[fact["type"]]
            book = read_csv([["姓名", "地区", fact["label"], "2024公需"], ["张三", policy["id"], value, 30]])
            assert fact["name"] in book.people[0].scenario["person"], fact["label"]


@pytest.mark.parametrize("written", ["卫生", "health", "其他行业", "执业药师"])
def test_the_industry_by_label_or_id(written):
    book = read_csv([["姓名", "地区", "所在行业", "2024公需"], ["张三", "青海", written, 30]])
    assert book.people[0].scenario["person"]["industry"] in ("health", "general", "licensed_pharmacist")


def test_an_industry_calc_does_not_know_is_calcs_error_on_its_column():
    book = read_csv([["姓名", "地区", "所在行业", "2024公需"], ["张三", "青海", "教育", 30]])
    result = batch.check(book.people[0], TODAY)
    calcs = calc.evaluate(book.people[0].scenario, TODAY)["errors"][0]["message"]
    assert messages(result) == [(2, "所在行业", calcs)] and "卫生" in calcs


def test_year_grid_cells_are_the_regions_grid_kinds_and_an_empty_cell_is_nothing_entered():
    book = read_csv([["姓名", "地区", "2023公需", "2023专业", "2024公需", "2024专业"],
                     ["张三", "青海", 30, "", 0, 12.5], ["李四", "威海", "３０", " 60 ", "", ""]])
    assert person(book, "张三").scenario["activities"] == grid("qinghai", (2023, "public", 30), (2024, "public", 0), (2024, "professional", 12.5))
    assert person(book, "李四").scenario["activities"] == grid("weihai", (2023, "public", 30), (2023, "professional", 60))


def test_a_missing_name_is_an_error_and_the_row_is_still_computed():
    book = read_csv([["姓名", "地区", "2024公需"], ["", "合肥", 30]])
    result = batch.check(book.people[0], TODAY)
    assert messages(result) == [(2, "姓名", "缺少姓名。")] and result["label"] == "2024年未达标"


def test_a_row_with_no_name_region_or_hours_is_not_a_person():
    book = read_csv([["姓名", "地区", "2024公需", "备注"], ["张三", "合肥", 30, ""], ["", "", "", "制表人：李四"]])
    assert [p.name for p in book.people] == ["张三"]
    assert "第3行没有姓名、地区和学时" in " ".join(book.notes)


# --- results equal calc.evaluate, errors where the sheet has the value ------------------------


def expected(scenario: dict) -> dict:
    """What a row of the result is, taken from the report `python -m calc check --json` prints."""
    report = calc.evaluate(json.loads(json.dumps(scenario)), TODAY)
    verdict = report.get("readiness")
    return {
        "status": verdict["status"] if verdict else None,
        "reachable": verdict.get("reachable") if verdict else None,
        "label": verdict["verdict_label"] if verdict else report["brief_text"],
        "next_step": verdict["next_step"]["text"] if verdict and verdict.get("next_step") else None,
        "errors": [ANCHOR.sub("", e["message"]) for e in report["errors"]],
    }


ANCHOR = re.compile(r"^(第\d+(条活动|项)|“[^”]*”表第\d+行|“[^”]*”)(?=（)")  # calc's 第3条活动, or the cell batch says instead


def as_compared(result: dict, book_errors: int = 0) -> dict:
    found = {k: result[k] for k in ("status", "reachable", "label", "next_step")}
    found["errors"] = [ANCHOR.sub("", e["message"]) for e in result["errors"][book_errors:]]
    return found


def test_a_result_row_has_the_contracts_fields():
    book = read_csv([HEADER, ["张三", "A1", "合肥", 2025, "评审", "中级", 30, 60, 30, 60, 30, 40]])
    result = batch.check(book.people[0], TODAY)
    assert set(result) >= {"row", "name", "id", "status", "reachable", "label", "next_step", "errors"}
    report = calc.evaluate(book.people[0].scenario, TODAY)
    assert result["status"] == report["readiness"]["status"] and result["label"] == report["readiness"]["verdict_label"]
    assert result["next_step"] == report["readiness"]["next_step"]["text"]
    assert result["reachable"] == report["readiness"].get("reachable")
    assert (result["row"], result["name"], result["id"], result["region"], result["target"]) == (2, "张三", "A1", "合肥市", "2025年中级职称评审")


def test_without_an_application_the_label_is_the_reports_brief_text():
    book = read_csv([["姓名", "地区", "2024公需", "2024专业"], ["张三", "合肥", 30, 60]])
    result = batch.check(book.people[0], TODAY)
    assert result["status"] is None and result["next_step"] is None and result["reachable"] is None
    assert result["label"] == calc.evaluate(book.people[0].scenario, TODAY)["brief_text"] == "2024年已达标"


def test_the_result_is_the_check_commands_report_for_the_same_scenario(tmp_path):
    book = read_csv([HEADER + ["任现职年份"], ["张三", "A1", "合肥", 2025, "评审", "中级", 30, 60, 30, 60, 30, 40, 2021]])
    path = tmp_path / "one.json"
    path.write_text(json.dumps(book.people[0].scenario, ensure_ascii=False), encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "calc", "check", str(path), "--json", "--today", TODAY.isoformat()],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    report = json.loads(cli.stdout)
    result = batch.check(book.people[0], TODAY)
    assert result["status"] == report["readiness"]["status"] == "not_ready"
    assert result["next_step"] == report["readiness"]["next_step"]["text"]


def test_bad_rows_are_reported_with_row_and_column_and_every_other_row_is_computed():
    header = HEADER + ["出生日期"]
    rows = [["某单位"], header,
            ["甲", "A1", "合肥", 2025, "评审", "中级", 30, 60, 30, -5, 30, 60, ""],
            ["乙", "A2", "火星", 2025, "评审", "中级", 30, 60, 30, 60, 30, 60, ""],
            ["丙", "A3", "威海", 2025, "评审", "中级", 30, 60, 30, 60, 30, 60, "1973-02-30"],
            ["丁", "A3", "青海", 2025, "评审", "中级", 30, 60, 30, 60, 30, 60, ""],
            ["戊", "A5", "呼和浩特", "", "", "", 30, 60, 30, 60, 30, 60, ""]]
    book = read_csv(rows)
    found = {r["name"]: r for r in batch.results(book, TODAY)}
    negative = messages(found["甲"])
    assert [(r, c) for r, c, _ in negative] == [(3, "2024专业")]
    assert negative[0][2].startswith("“2024专业”（") and "不能为负数" in negative[0][2]
    assert [(r, c) for r, c, _ in messages(found["乙"])] == [(4, "地区")]
    assert messages(found["丙"]) == [(5, "出生日期", "“1973-02-30”不是有效日期：1973年2月没有30日（这个月有 28 天）。")]
    assert messages(found["丁"]) == [(6, "编号", "编号“A3”与第5行重复：编号须各不相同。")]
    assert found["戊"]["errors"] == [] and found["戊"]["label"] == "2023、2024、2025年已达标"
    for name in ("甲", "丙", "丁"):
        assert found[name]["status"] is not None
    for entry in book.people:  # and each is calc's own result for its scenario
        reading = len(entry.errors)
        assert as_compared(batch.check(entry, TODAY), reading) == expected(entry.scenario)


def test_calcs_errors_on_the_target_and_the_person_are_said_at_their_columns():
    book = read_csv([["姓名", "地区", "申报年度", "申报类型", "申报级别", "性别", "2024公需"],
                     ["张三", "呼和浩特", 1999, "评审", "副高级", "", 30],
                     ["李四", "呼和浩特", 2025, "", "副高级", "不详", 30]])
    one, two = (batch.check(p, TODAY) for p in book.people)
    assert [(r, c) for r, c, _ in messages(one)] == [(2, "申报年度")]
    assert sorted((r, c) for r, c, _ in messages(two)) == [(3, "性别"), (3, "申报类型")]


def test_a_birth_date_calc_refuses_is_said_at_the_birth_date_column():
    book = read_csv([["姓名", "地区", "出生日期", "申报年度", "申报类型", "申报级别", "2024公需"],
                     ["张三", "呼和浩特", "1850-01-01", 2025, "评审", "副高级", 30]])
    assert [(r, c) for r, c, _ in messages(batch.check(book.people[0], TODAY))] == [(2, "出生日期")]


def test_a_value_calc_calls_unlikely_is_a_warning_at_its_cell():
    book = read_csv([["姓名", "地区", "2024公需"], ["张三", "合肥", 900]])
    result = batch.check(book.people[0], TODAY)
    assert result["errors"] == [] and [(w["row"], w["column"]) for w in result["warnings"]] == [(2, "2024公需")]
    assert result["warnings"][0]["message"].startswith("“2024公需”（")


# --- the 成果 sheet ---------------------------------------------------------------------------


PEOPLE = [["姓名", "编号", "地区", "申报年度", "申报类型", "申报级别", "任现职年份", "2024公需", "2024专业", "2025公需", "2025专业"],
          ["马晓梅", "QH1", "青海", 2025, "评审", "中级", 2019, 30, 60, 30, 60],
          ["张志强", "HF1", "合肥", 2025, "评审", "中级", 2021, 30, 60, 30, 60],
          ["张志强", "HF2", "合肥", "", "", "", "", 30, 60, "", ""]]


def test_achievements_are_matched_by_id_and_read_with_the_regions_kind_names_and_field_labels():
    data = xlsx_bytes({"人员": PEOPLE, "成果": [
        ["编号", "年度", "类型", "作者情况", "篇数", "专利类型", "排名", "名称或备注"],
        ["QH1", 2025, "学术论文（含SCI、SSCI、EI、CSSCI）", "独著", 2, None, None, "一篇论文"],
        ["HF1", 2024, "patent", None, None, "国家发明专利", 1, None],
        ["HF2", "2024年", "专利", None, None, "实用新型", 2, None],
    ]})
    book = batch.read(data, "单位.xlsx")
    assert not book.errors and not book.notes
    qh, hf1, hf2 = book.people
    assert qh.scenario["activities"][-1] == {"kind": "paper", "year": 2025, "authorship": "sole", "count": 2, "title": "一篇论文"}
    assert hf1.scenario["activities"][-1] == {"kind": "patent", "year": 2024, "type": "invention", "rank": 1}
    assert hf2.scenario["activities"][-1] == {"kind": "patent", "year": 2024, "type": "utility_or_design", "rank": 2}
    for entry in book.people:
        assert batch.check(entry, TODAY)["errors"] == []


def test_achievements_by_name_where_the_people_sheet_has_no_id():
    people = [["姓名", "地区", "2025公需"], ["马晓梅", "青海", 30]]
    data = xlsx_bytes({"人员": people, "成果": [["姓名", "年度", "类型", "作者情况", "篇数"], ["马晓梅", 2025, "paper", "独著", 1]]})
    assert batch.read(data, "a.xlsx").people[0].scenario["activities"][-1]["kind"] == "paper"


def test_an_achievement_naming_nobody_or_several_is_an_error_on_its_row_in_the_last_object():
    data = xlsx_bytes({"人员": [row[:1] + row[2:] for row in PEOPLE],  # no 编号: matched by 姓名
                       "成果": [["成果表"], ["姓名", "年度", "类型", "篇数"], ["无名氏", 2025, "paper", 1], ["张志强", 2024, "patent", 1]]})
    book = batch.read(data, "a.xlsx")
    found = batch.results(book, TODAY)
    last = found[-1]
    assert last["name"] is None and last["row"] is None
    assert [(e["sheet"], e["row"], e["column"]) for e in last["errors"]] == [("成果", 3, "姓名"), ("成果", 4, "姓名")]
    assert last["errors"][0]["message"] == "没有姓名为“无名氏”的人员。"
    assert "有 2 位人员的姓名都是“张志强”（第3、4行）" in last["errors"][1]["message"]
    assert all(len(p.scenario["activities"]) == len(p.places["activities"]) for p in book.people)


def test_an_achievements_error_is_said_at_that_sheets_row_and_column():
    data = xlsx_bytes({"人员": PEOPLE, "成果": [["编号", "年度", "类型", "作者情况", "篇数", "天数"],
                                               ["QH1", 2025, "学术论文", "独著", -1, None],
                                               ["QH1", 2025, "学术论文", "独著", 1, 3],
                                               ["QH1", 2025, "培训", None, None, 3]]})
    book = batch.read(data, "a.xlsx")
    result = batch.check(book.people[0], TODAY)
    places = [(e["sheet"], e["row"], e["column"]) for e in result["errors"]]
    assert places == [("成果", 3, "天数"), ("成果", 4, "类型"), ("成果", 2, "篇数")], result["errors"]
    assert result["errors"][0]["message"] == "“学术论文（含SCI、SSCI、EI、CSSCI）”没有“天数”这一项，这一格未读取。"
    assert result["errors"][1]["message"].startswith("“培训”可以指")
    assert result["errors"][2]["message"].startswith("“成果”表第2行（学术论文") and "不能为负数" in result["errors"][2]["message"]


def test_an_unknown_kind_is_calcs_error_on_the_kind_column():
    data = xlsx_bytes({"人员": PEOPLE, "成果": [["编号", "年度", "类型"], ["HF1", 2025, "火箭发射"]]})
    result = batch.check(batch.read(data, "a.xlsx").people[1], TODAY)
    assert [(e["sheet"], e["row"], e["column"]) for e in result["errors"]] == [("成果", 2, "类型")]
    assert "火箭发射" in result["errors"][0]["message"]


# --- the 年度要求 sheet ------------------------------------------------------------------------


def test_a_years_figures_apply_to_every_person_of_that_region():
    people = [["姓名", "地区", "申报年度", "申报类型", "申报级别", "任现职年份", *(f"{y}{c}" for y in range(2021, 2026) for c in ("公需", "专业"))],
              ["马晓梅", "青海", 2025, "评审", "中级", 2019, *([30, 60] * 5)],
              ["李建国", "西宁", 2025, "评审", "中级", 2019, *([30, 60] * 5)],
              ["王海燕", "威海", 2025, "评审", "中级", 2021, *([30, 60] * 5)]]
    figures = [["地区", "年度", "公需科目（学时）", "专业科目（学时）"], ["青海省", 2022, 30, 60], ["青海", 2023, 30, 60], ["qinghai", 2024, 30, 60]]
    book = batch.read(xlsx_bytes({"人员": people, "年度要求": figures}), "a.xlsx")
    assert not book.errors
    for name in ("马晓梅", "李建国"):
        entry = person(book, name)
        assert entry.scenario["requirements"] == {str(y): {"public": 30, "professional": 60} for y in (2022, 2023, 2024)}
        assert batch.check(entry, TODAY)["status"] == "ready"
    assert "requirements" not in person(book, "王海燕").scenario


def test_a_bad_figures_row_is_an_error_on_its_row_and_not_used():
    figures = [["地区", "年度", "公需", "专业"], ["青海", 2023, -30, 60], ["火星", 2023, 30, 60], ["青海", 2024, 30, 60], ["青海", 2024, 45, 90]]
    book = batch.read(xlsx_bytes({"人员": PEOPLE, "年度要求": figures}), "a.xlsx")
    assert [(e["sheet"], e["row"], e["column"]) for e in book.errors] == [("年度要求", 2, "公需"), ("年度要求", 3, "地区"), ("年度要求", 5, "年度")]
    assert person(book, "马晓梅").scenario["requirements"] == {"2024": {"public": 30, "professional": 60}}


def test_other_sheets_are_noted_and_the_template_notes_sheet_is_not():
    data = xlsx_bytes({"人员": PEOPLE, "说明": [["列", "说明"]], "Sheet2": [["随便写的"]], "Sheet3": []})
    assert batch.read(data, "a.xlsx").notes == ["工作表“Sheet2”未读取：只读取“人员”“成果”“年度要求”三张表。"]


def test_a_workbook_whose_only_sheet_has_another_name_is_read_as_the_people_sheet():
    book = batch.read(xlsx_bytes({"Sheet1": PEOPLE}), "a.xlsx")
    assert [p.name for p in book.people] == ["马晓梅", "张志强", "张志强"] and book.people[0].sheet == "Sheet1"


# --- limits ---------------------------------------------------------------------------------


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BATCH_BYTES", 100)
    book = batch.read(b"x" * 101, "a.csv")
    assert book.problem["code"] == "file_too_large" and "MB" in book.problem["message"]


def test_an_xlsx_unpacking_beyond_the_limit_is_refused(monkeypatch):
    data = xlsx_bytes({"人员": PEOPLE})
    monkeypatch.setattr(limits, "MAX_BATCH_UNPACKED", 1000)
    assert batch.read(data, "a.xlsx").problem["code"] == "file_too_large"


def test_rows_past_the_limit_are_not_read_and_said(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BATCH_ROWS", 3)
    rows = [["姓名", "地区", "2024公需"]] + [[f"人{i}", "合肥", 30] for i in range(6)]
    book = read_csv(rows)
    assert [p.name for p in book.people] == ["人0", "人1", "人2"]
    assert book.errors == [{"sheet": "人员", "row": 5, "column": None, "message": "“人员”表第5行起未读取：每张表最多读取 4 行有内容的行，请分成几个文件。"}]


def test_columns_past_the_limit_are_not_read(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BATCH_COLUMNS", 3)
    book = read_csv([["姓名", "地区", "2024公需", "2024专业"], ["张三", "合肥", 30, 60]])
    assert book.people[0].scenario["activities"] == grid("hefei", (2024, "public", 30))


def test_an_xlsx_claiming_a_huge_sheet_stops_at_the_spreadsheets_own_last_row(monkeypatch):
    data = xlsx_bytes({"人员": PEOPLE})
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b'<row r="4"', b'<row r="2000000000"').replace(b'r="A4"', b'r="A2000000000"')
            target.writestr(item, content)
    book = batch.read(out.getvalue(), "a.xlsx")
    assert [p.row for p in book.people] == [2, 3] and book.errors == []


# --- exports ---------------------------------------------------------------------------------


def test_csv_export_is_utf8_with_bom_and_has_the_contracts_columns():
    book = read_csv([HEADER + ["身份证号"], ["张三", "A1", "合肥", 2025, "评审", "中级", 30, 60, 30, -5, 30, 60, ID_NUMBER]])
    data = batch_export.write_csv(batch.results(book, TODAY))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["行号", "姓名", "编号", "地区", "申报", "结论", "下一步", "问题"]
    assert rows[1][:6] == ["2", "张三", "A1", "合肥市", "2025年中级职称评审", "无法判断"]
    assert rows[1][7].startswith("第2行“2024专业”：“2024专业”（")
    assert rows[2][7] == "“人员”表的身份证号码列（身份证号）未读取、不显示、不导出：本工具不需要身份证号。"
    assert ID_NUMBER not in data.decode("utf-8-sig")


def test_xlsx_export_has_the_same_rows_and_no_text_becomes_a_formula():
    book = read_csv([["姓名", "地区", "2024公需"], ["=1+1", "合肥", 30], ["@SUM(A1)", "合肥", 30]])
    found = batch.results(book, TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(batch_export.write_xlsx(found))).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == batch_export.COLUMNS and [r[1] for r in rows[1:]] == ["=1+1", "@SUM(A1)"]
    assert all(cell.data_type == "s" for cell in sheet["B"][1:])
    text = batch_export.write_csv(found).decode("utf-8-sig")
    assert "'=1+1" in text and "'@SUM(A1)" in text


def test_the_pages_json_wrappers_give_the_exports_and_their_problem_lines():
    """The page's worker hands calc JSON text (check_json's rows): the same files and 问题 lines."""
    book = read_csv([HEADER + ["身份证号"], ["张三", "A1", "合肥", 2025, "评审", "中级", 30, 60, 30, -5, 30, 60, ID_NUMBER]])
    found = batch.results(book, TODAY)
    text = json.dumps(found, ensure_ascii=False)
    assert batch_export.write_json(text, "csv") == batch_export.write_csv(found)
    sheet = openpyxl.load_workbook(io.BytesIO(batch_export.write_json(text, "xlsx"))).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == batch_export.rows(found)
    lines = json.loads(batch_export.problems_json(text))
    assert ["\n".join(found_lines) for found_lines in lines] == [batch_export.problems(r) for r in found]
    assert lines[0][0].startswith("第2行“2024专业”：") and lines[1] == found[1]["notes"]
    with pytest.raises(ValueError, match="xlsx or csv"):
        batch_export.write_json(text, "pdf")


# --- the template -----------------------------------------------------------------------------


def template_results(data: bytes, name: str) -> tuple[batch.Workbook, dict]:
    book = batch.read(data, name)
    assert book.problem is None and book.errors == [] and book.notes == []
    found = {r["name"]: r for r in batch.results(book, TODAY)}
    for entry in book.people:
        assert found[entry.name]["errors"] == []
        assert as_compared(found[entry.name]) == expected(entry.scenario)
    return book, found


def test_the_template_has_an_example_row_per_region_and_a_notes_sheet():
    sheets = batch_template.template(TODAY)
    assert list(sheets) == ["人员", "成果", "年度要求", "说明"]
    assert sorted(row[2] for row in sheets["人员"][1:]) == sorted(p["name"] for p in calc.policies())
    described = {row[0] for row in sheets["说明"][1:]}
    for header in sheets["人员"][0]:
        assert header in described or re.fullmatch(r"20\d\d(公需|专业)", header), header
    assert not any(re.search("身份证|证件号", h) for h in sheets["人员"][0])


def test_the_xlsx_template_reads_back_with_no_errors_and_the_expected_verdicts():
    book, found = template_results(batch_template.template_xlsx(TODAY), "template.xlsx")
    assert {name: r["status"] for name, r in found.items()} == {
        "张志强": "not_ready", "赵丽华": None, "马晓梅": "ready", "李建国": "ready", "王海燕": "ready"}
    assert found["张志强"]["next_step"] == "还需2025年补专业科目 20 学时，才能满足。"
    assert found["赵丽华"]["label"] == "2021、2022、2023、2024、2025年已达标"
    assert any(a["kind"] == "patent" for a in person(book, "张志强").scenario["activities"])
    assert person(book, "马晓梅").scenario["requirements"]


def test_the_csv_template_reads_back_with_no_errors():
    data = batch_template.template_csv(TODAY)
    assert data.startswith(b"\xef\xbb\xbf")
    _book, found = template_results(data, "template.csv")
    assert found["马晓梅"]["status"] == "unknown"  # a CSV holds no 年度要求: 青海's open years stay open
    assert found["王海燕"]["status"] == "ready" and found["张志强"]["status"] == "not_ready"


# --- the API for the page's worker ------------------------------------------------------------


def test_json_wrappers_read_then_check_in_chunks_give_the_same_results():
    data = batch_template.template_xlsx(TODAY)
    read = json.loads(batch.read_json(memoryview(data), "template.xlsx"))
    assert read["problem"] is None and len(read["people"]) == 5
    chunks = [read["people"][:2], read["people"][2:]]
    found = [row for chunk in chunks for row in json.loads(batch.check_json(json.dumps(chunk), TODAY.isoformat()))]
    assert found == batch.results(batch.read(data, "template.xlsx"), TODAY)
    assert json.loads(batch.unassigned_json(batch.read_json(data, "template.xlsx"))) is None
    unusable = json.loads(batch.read_json(b"", "a.xls"))
    assert unusable["problem"]["code"] == "format_unsupported"
    assert json.loads(batch.unassigned_json(batch.read_json(b"", "a.xls")))["errors"][0]["message"] == unusable["problem"]["message"]


def test_a_person_keeps_the_scenario_the_calculator_opens():
    book = batch.read(batch_template.template_xlsx(TODAY), "template.xlsx")
    for entry in book.people:
        assert entry.scenario["version"] == 1
        assert build(entry.scenario, TODAY)["errors"] == []
        assert batch.Person.from_dict(json.loads(json.dumps(entry.as_dict()))) == entry


# --- generated rows: the result is calc.evaluate of the scenario the row describes -------------


REGIONS = [(p["id"], p["name"]) for p in calc.policies()]
YEARS = list(range(2019, 2027))


@st.composite
def rows(draw):
    """A row as a person writes it, and the scenario it must make."""
    policy, name = draw(st.sampled_from(REGIONS))
    written_region = draw(st.sampled_from([policy, name, name.rstrip("省市")]))
    scenario: dict = {"version": 1, "policy": policy}
    cells: dict = {"姓名": draw(st.sampled_from(["张三", "李四", "王五"])), "地区": written_region}
    facts = {}
    if draw(st.booleans()):
        gender = draw(st.sampled_from(["male", "female"]))
        cells["性别"], facts["gender"] = {"male": "男", "female": "女"}[gender], gender
    if draw(st.booleans()):
        born = draw(st.dates(date(1955, 1, 1), date(2000, 12, 31)))
        cells["出生日期"] = draw(st.sampled_from([born.isoformat(), f"{born.year}/{born.month}/{born.day}",
                                                 f"{born.year}年{born.month}月{born.day}日", born.strftime("%Y%m%d")]))
        facts["birth_date"] = born.isoformat()
    if draw(st.booleans()):
        facts["tenure_start"] = draw(st.integers(2010, 2025))
        cells["任现职年份"] = draw(st.sampled_from([str(facts["tenure_start"]), f"{facts['tenure_start']}年"]))
    if draw(st.booleans()):
        industry = draw(st.sampled_from(["general", "health", "accounting"]))
        cells["所在行业"], facts["industry"] = draw(st.sampled_from([industry, {"general": "其他行业", "health": "卫生", "accounting": "会计"}[industry]])), industry
    if facts:
        scenario["person"] = facts
    spec = calc.catalogue(policy)["grid"]
    scenario["activities"] = []
    for year in YEARS:
        for category, short in (("public", "公需"), ("professional", "专业")):
            hours = draw(st.none() | st.integers(0, 1200).map(lambda h: h / 10))
            if hours is not None:
                cells[f"{year}{short}"] = draw(st.sampled_from([hours, f"{hours:g}"]))
                scenario["activities"].append({"kind": spec[category]["kind"], "year": year, "hours": int(hours) if hours.is_integer() else hours})
    if draw(st.booleans()):
        ttype = draw(st.sampled_from(list(calc.vocabulary.TARGET_TYPE)))
        level = draw(st.sampled_from(list(calc.vocabulary.LEVEL)))
        year = draw(st.sampled_from(YEARS))
        cells.update({"申报年度": year, "申报类型": draw(st.sampled_from([ttype, calc.vocabulary.TARGET_TYPE[ttype]])),
                      "申报级别": draw(st.sampled_from([level, calc.vocabulary.LEVEL[level]]))})
        scenario["target"] = {"year": year, "type": ttype, "level": level}
    return cells, scenario


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), min_size=1, max_size=4), st.booleans())
def test_generated_rows_make_the_scenario_they_describe_and_its_calc_result(people, as_xlsx):
    header = ["姓名", "地区", "性别", "出生日期", "任现职年份", "所在行业", "申报年度", "申报类型", "申报级别",
              *(f"{y}{c}" for y in YEARS for c in ("公需", "专业"))]
    table = [header] + [[cells.get(h) for h in header] for cells, _ in people]
    book = batch.read(xlsx_bytes({"人员": table}), "a.xlsx") if as_xlsx else read_csv(table, encoding="gb18030")
    assert book.problem is None and len(book.people) == len(people)
    for entry, (_cells, scenario) in zip(book.people, people):
        assert entry.errors == []
        assert entry.scenario == scenario
        result = batch.check(entry, TODAY)
        report = build(json.loads(json.dumps(scenario)), TODAY)  # raises on a defect of calc
        verdict = report.get("readiness")
        assert result["status"] == (verdict["status"] if verdict else None)
        assert result["label"] == (verdict["verdict_label"] if verdict else report["brief_text"])
        assert len(result["errors"]) == len(report["errors"])
        for error, found in zip(report["errors"], result["errors"]):
            assert found["row"] == entry.row
            assert found["message"] == error["message"] or error["activity"] is not None


# --- command line -----------------------------------------------------------------------------


def calc_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calc", *args], cwd=ROOT, capture_output=True, timeout=120)


def test_cli_batch_json_table_out_and_exit_status(tmp_path):
    path = tmp_path / "单位.xlsx"
    path.write_bytes(batch_template.template_xlsx(TODAY))
    result = calc_cli("batch", str(path), "--json", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout) == batch.results(batch.read(path.read_bytes(), path.name), TODAY)
    result = calc_cli("batch", str(path), "--today", TODAY.isoformat(), "--out", str(tmp_path / "结果.xlsx"))
    text = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "第2行 张志强 HF004 合肥市（2025年中级职称评审）：学时条件尚未满足" in text
    assert "共 5 人" in text
    sheet = openpyxl.load_workbook(tmp_path / "结果.xlsx").active
    assert [c.value for c in sheet[1]] == batch_export.COLUMNS and sheet.max_row == 6
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([["姓名", "地区", "2024公需"], ["张三", "合肥", -1], ["李四", "合肥", 30]]))
    result = calc_cli("batch", str(bad), "--today", TODAY.isoformat(), "--out", str(tmp_path / "结果.csv"))
    assert result.returncode == 1 and "✗ 第2行“2024公需”" in result.stdout.decode()
    assert (tmp_path / "结果.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_batch_exit_2_when_the_file_cannot_be_used(tmp_path):
    for name, content in (("a.xls", b"\xd0\xcf\x11\xe0"), ("b.csv", "名字,地方\n".encode())):
        path = tmp_path / name
        path.write_bytes(content)
        result = calc_cli("batch", str(path), "--json", "--today", TODAY.isoformat())
        assert result.returncode == 2 and json.loads(result.stdout)[0]["errors"][0]["message"] in result.stderr.decode()
    assert calc_cli("batch", str(tmp_path / "none.xlsx")).returncode == 2
    assert calc_cli("batch", str(tmp_path), "--json").returncode == 2
    assert calc_cli("batch", str(tmp_path / "a.xls"), "--out", "结果.pdf").returncode == 2
    assert calc_cli("check", str(tmp_path / "a.xls"), "--out", "结果.csv").returncode == 2


def test_cli_batch_reads_a_csv_without_site_packages_and_says_what_an_xlsx_needs(tmp_path):
    path = tmp_path / "人员.csv"
    path.write_bytes(csv_bytes([["姓名", "地区", "2024公需"], ["张三", "合肥", 30]], encoding="gb18030"))
    run = [sys.executable, "-S", "-m", "calc", "batch"]
    result = subprocess.run([*run, str(path), "--json", "--today", TODAY.isoformat()], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == 0 and json.loads(result.stdout)[0]["label"] == "2024年未达标"
    xlsx = tmp_path / "人员.xlsx"
    xlsx.write_bytes(xlsx_bytes({"人员": PEOPLE}))
    result = subprocess.run([*run, str(xlsx)], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == 2 and "openpyxl" in result.stderr.decode() and b"Traceback" not in result.stderr
