"""Issue 12, one vocabulary: no label, limit or rule wording exists in more than one place. For
every kind of every region, what the calculator shows on its card (name, category, years, cap,
clause, reading, the fields' captions, what it was credited with) and on its report lines (amount,
cap cut, citation, reading), each year's state and sentence and the verdict's headline, are the
words calc ships in the catalogue and the report: the page words none of them itself.
(tests/test_one_vocabulary.py checks the page's code for tables of its own; the fixture notice is
checked the same way in test_fixture_site.py.)"""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import ROOT, SITE
from .vocabulary_check import mismatches

sys.path.insert(0, str(ROOT / "tests"))
from every_kind import every_kind  # noqa: E402

REGIONS = ["qinghai", "weihai", "hefei", "hohhot"]


def test_the_pages_catalogue_is_calcs():
    """calculator/catalogue.json is calc.site_catalogue(): each region's part is `calc kinds` exactly."""
    import calc

    shipped = json.loads((SITE / "calculator" / "catalogue.json").read_text("utf-8"))
    assert shipped == json.loads(json.dumps(calc.site_catalogue(), ensure_ascii=False))
    for region in REGIONS:
        assert shipped["catalogues"][region] == json.loads(json.dumps(calc.catalogue(region), ensure_ascii=False))


@pytest.mark.parametrize("region", REGIONS)
def test_every_kind_shows_calcs_words(page, site_url, region):
    import calc

    found = mismatches(page, site_url, every_kind(region), calc.catalogue(region))
    assert found == [], "\n".join(found[:20])
