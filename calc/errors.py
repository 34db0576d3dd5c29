"""Error entries of a report (scenario.md): where the problem is, a clear Chinese message, and a
stable code beside it. Programs (the calculator page, tests, other tools) test the code, never the
words; the words may be improved at any time, the codes are kept.
"""

from __future__ import annotations

# code -> what it means (for people reading the report format; the message says it to the user)
ERROR_CODES = {
    "file_too_large": "the scenario text is larger than the limit (calc/limits.py)",
    "json_invalid": "the scenario text is not valid JSON",
    "too_deep": "[ and { nest deeper than the limit (calc/limits.py), `extra` included",
    "file_unreadable": "the command line could not read the file (missing, a folder, a device or a pipe)",
    "encoding_invalid": "the file is not UTF-8 or UTF-16 text",
    "not_an_object": "the scenario is not a JSON object",
    "version_unsupported": "`version` is missing or not a version this calc reads",
    "policy_unknown": "`policy` names no region of the rule data",
    "field_unknown": "a key the format does not have (custom content belongs under `extra`)",
    "person_invalid": "`person` is not an object",
    "requirements_invalid": "`requirements` is not an object",
    "requirement_invalid": "one year of `requirements` is not {public, professional}",
    "target_invalid": "`target` is not an object",
    "activities_invalid": "`activities` is not an array",
    "activity_invalid": "one activity is not an object",
    "too_many": "more entries than the limit; the first ones are computed, the rest kept",
    "kind_missing": "an activity has no kind yet",
    "kind_unknown": "the region's rules have no such kind",
    "kind_not_in_year": "the kind's rule does not apply in that year",
    "year_invalid": "a year that is not a four-digit year within the limits",
    "date_invalid": "a date that is not an ISO date (YYYY-MM-DD)",
    "date_not_in_year": "`target.date` is not a day of `target.year`",
    "date_out_of_range": "a date that cannot be right (a birth date after the application date or before 1900)",
    "year_out_of_range": "a year of the person that cannot come after the application year (任现职, 调入本市)",
    "value_invalid": "a value outside the field's choices or range",
    "number_invalid": "a number that is missing its form or range",
    "field_missing": "a required field is missing",
    "text_invalid": "a text field holds something other than text",
    "text_too_long": "a text field longer than the limit",
    "days_exceed_year": "a number of days within one year that is more than the year has (365 or 366)",
    "internal_error": "a defect in calc itself; the user's input is kept",
    "module_missing": "a module calc imports is missing (the browser's snapshot has no standard library yet)",
}


# code -> what it means: a value that is allowed but unlikely (report `warnings`, never blocking)
WARNING_CODES = {
    "value_implausible": "a value above what the rule data calls plausible for the field (`plausible_max`); still counted as entered",
}


def warning(activity: int | None, field_name: str | None, message: str, code: str) -> dict:
    """A warning entry: {activity, field, code, message}; the entry still counts."""
    if code not in WARNING_CODES:
        raise ValueError(f"unknown warning code {code!r}: add it to calc/errors.py")
    return {"activity": activity, "field": field_name, "code": code, "message": message}


def error(activity: int | None, field_name: str | None, message: str, code: str) -> dict:
    """An error entry: {activity, field, code, message}."""
    if code not in ERROR_CODES:
        raise ValueError(f"unknown error code {code!r}: add it to calc/errors.py")
    return {"activity": activity, "field": field_name, "code": code, "message": message}
