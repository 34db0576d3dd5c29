"""Limits on what a scenario may hold, enforced before any work starts so nothing can freeze.

They are documented for users in docs (限制) and in the README.
"""

YEAR_MIN = 2000
YEAR_MAX = 2100
MAX_ACTIVITIES = 500  # activities computed; the rest are kept in the user's file but not computed
MAX_NUMBER = 10_000_000  # hours, days, counts, characters (a book: millions) or points in one field
MAX_YEARS_LIST = 30  # years one project may run
MAX_REQUIREMENT_YEARS = 50  # user-supplied yearly requirements
MAX_SCENARIO_BYTES = 2_000_000  # a scenario's JSON text
MAX_TEXT = 2_000  # characters in a title, evidence note or other free text
