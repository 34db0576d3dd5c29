"""Limits on what a scenario may hold, enforced before any work starts so nothing can freeze or
crash, in the browser and on the command line alike. This is the one place they are defined: the
calculator page reads them from calculator/catalogue.json (`limits`, written from this module at
build time), and the README's Limits section lists them for users.
"""

YEAR_MIN = 2000
YEAR_MAX = 2100
BIRTH_YEAR_MIN = 1900  # a birth date before this is taken for a typing error
MAX_ACTIVITIES = 500  # activities computed; the rest are kept in the user's file but not computed
MAX_NUMBER = 10_000_000  # hours, days, counts, characters (a book: millions) or points in one field
MAX_YEARS_LIST = 30  # years one project may run
MAX_REQUIREMENT_YEARS = 50  # user-supplied yearly requirements
MAX_SCENARIO_BYTES = 2_000_000  # a scenario's JSON text (UTF-8), a file or a share link's content
MAX_DEPTH = 32  # nesting of [ and { in the whole scenario, `extra` included (a scenario itself uses 4)
MAX_NUMBER_DIGITS = 400  # digits of one number in the JSON text (longer ones read as "too large")
MAX_TEXT = 2_000  # characters in a title, evidence note or other free text
MAX_ERRORS = 1_000  # error entries listed in one report; the rest are counted in the last one

# The unit's batch check (calc/batch.py, issue 23): one spreadsheet of many people.
MAX_BATCH_BYTES = 20_000_000  # the spreadsheet file (.xlsx or .csv); a 5,000-row xlsx is well under 1 MB
MAX_BATCH_UNPACKED = 200_000_000  # the parts of an .xlsx (a zip) unpacked together: a small file can unpack to gigabytes
MAX_BATCH_ROWS = 5_000  # rows read from one sheet (人员, 成果, 年度要求) after its header; the rest are not read
MAX_BATCH_COLUMNS = 300  # columns read from one sheet (years 2000—2100 of 公需 and 专业 are 202)

# The calculator page (not calc): the longest share link it offers, and the history it keeps.
MAX_LINK_CHARS = 8_000  # longer scenarios are shared as a file (README: 分享链接的长度)
HISTORY_STATES = 8  # earlier states kept in this browser (保存的历史版本)
HISTORY_CHARS = 1_000_000  # characters all of them may take together (localStorage holds ~2.5-5 M)
LAST_RESULT_CHARS = 1_000_000  # the last result kept for a returning visitor; a longer report (500 projects × 26 years: 7 MB) is not kept


def as_dict() -> dict:
    """Every limit by name, for the page (calculator/catalogue.json) and for tools."""
    return {name: value for name, value in globals().items() if name.isupper()}
