"""What the calculator shows of a kind and of a result, read from the page, against what calc ships
(the region's catalogue, the report in #result): one vocabulary, so the two are the same text.
Used by tests/browser/test_one_vocabulary.py (every region) and test_fixture_site.py (the fixture)."""

from __future__ import annotations

from calc.vocabulary import TERMS

from .conftest import browser_report, share_data, wait_for_result

READ_PAGE = """() => {
  const text = (node) => (node ? node.innerText.trim() : null);
  const cards = [...document.querySelectorAll('#activity-list > li[data-activity]')].map((card) => ({
    index: Number(card.dataset.activity),
    kind: text(card.querySelector('select[name=kind] option:checked')),
    info: text(card.querySelector('.calc-activity-info')),
    hints: [...card.querySelectorAll('.calc-activity-fields > .calc-hint')].map(text),
    captions: [...card.querySelectorAll('.calc-kind-field > .calc-label, .calc-kind-field.calc-check > span, .calc-kind-field > .calc-check > span')].map(text),
    credit: text(card.querySelector('.calc-activity-credit')),
  }));
  const years = [...document.querySelectorAll('.calc-year-report')].map((box) => ({
    year: Number(box.dataset.year),
    badge: text(box.querySelector('h3 .calc-badge')),
    state: text(box.querySelector('.calc-state')),
    lines: [...box.querySelectorAll('li.calc-line')].map((li) => ({
      activity: li.dataset.activity, rule: li.dataset.rule,
      amount: text(li.querySelector('.calc-line-head strong')),
      cut: text(li.querySelector('.calc-cut')),
      cite: text(li.querySelector(':scope > .calc-cite')),
      reading: text(li.querySelector(':scope > .calc-reading')),
    })),
  }));
  const verdict = document.querySelector('.calc-readiness');
  return {cards, years, heading: text(verdict && verdict.querySelector('h3')),
          answer: text(verdict && verdict.querySelector('.calc-verdict-answer')),
          next: text(verdict && verdict.querySelector('#next-step > p'))};
}"""


def open_all(page, url: str, scenario: dict) -> dict:
    page.goto(f"{url}calculator/#s={share_data(scenario)}")
    assert wait_for_result(page) == "ready"
    page.wait_for_function(f"() => document.querySelectorAll('#activity-list > li[data-activity]').length === {len(scenario['activities'])}")
    # everything unfolded as a person reading it would: each card's “更多” (its optional fields, name,
    # evidence and what calc says of the kind) and each year's “明细（N 项）与依据” (its lines) ...
    folded = page.locator("details.calc-activity-more:not([open]) > summary,"
                          " details.calc-year-more:not([open]) > summary")
    for _ in range(folded.count()):
        folded.first.click()
    assert folded.count() == 0
    # ... and every line drawn (a year shows its first 30 until asked)
    for button in page.locator(".calc-more-lines").all():
        button.click()
    page.wait_for_function("() => !document.querySelector('.calc-more-lines')")
    return browser_report(page)


def mismatches(page, url: str, scenario: dict, catalogue: dict) -> list[str]:
    """Every place where the page's text of a kind or a result is not calc's."""
    report = open_all(page, url, scenario)
    shown = page.evaluate(READ_PAGE)
    kinds = {k["id"]: k for k in catalogue["kinds"]}
    found: list[str] = []

    def same(where: str, seen: object, expected: object) -> None:
        if seen != expected:
            found.append(f"{where}: page {seen!r} ≠ calc {expected!r}")

    credits: dict[int, list[str]] = {}
    for year in report["years"]:
        for line in year["lines"]:
            if line["activity"] is not None:
                credits.setdefault(line["activity"], []).append(line["credit_text"])
    assert len(shown["cards"]) == len(scenario["activities"])
    for card in shown["cards"]:
        kind = kinds[scenario["activities"][card["index"]]["kind"]]
        where = f"card {card['index']} ({kind['id']})"
        same(f"{where} name", card["kind"], kind["name"])
        facts = [kind["category_label"]]
        if kind["valid_label"]:
            facts.append(f"{TERMS['valid']}：{kind['valid_text']}")
        if kind["cap"]:
            facts.append(f"{TERMS['cap']}：{kind['cap_text']}")
        expected = [" · ".join(facts), f"{TERMS['citation']}：{kind['citation']}"]
        expected += [kind["quote"]] if kind["quote"] else []
        expected += [f"{TERMS['reading']}：{kind['reading']}"] if kind["reading"] else []
        same(f"{where} rule", [t for t in card["info"].split("\n") if t.strip()], expected)
        # what to fill in (“… 至少填写一项”) stands with the fields, not folded with the rule
        same(f"{where} what to fill in", card["hints"], kind["one_of_text"])
        captions = [f["label"] if f["type"] == "boolean" else f["caption"] for f in kind["fields"]]
        captions += [f["caption"] for f in catalogue["vocabulary"]["fields"]["activity"] if f["name"] in ("title", "evidence")]
        same(f"{where} fields", sorted(card["captions"]), sorted(captions))  # the main ones first, the rest folded
        line_credits = credits.get(card["index"], [])
        same(f"{where} credit", card["credit"], f"{TERMS['credit']}：{'；'.join(line_credits)}" if line_credits else "")
    by_year = {y["year"]: y for y in report["years"]}
    for seen in shown["years"]:
        year = by_year[seen["year"]]
        judged = year["application"] or year
        same(f"{seen['year']} badge", seen["badge"], judged["state_label"])
        # the sentence under a year that is short or cannot be told (a met one says it with its badge)
        same(f"{seen['year']} sentence", seen["state"], None if year["application"] or year["state"] == "met" else year["state_text"])
        same(f"{seen['year']} lines", len(seen["lines"]), len(year["lines"]))
        for line, item in zip(year["lines"], seen["lines"]):
            where = f"{seen['year']} line {line['rule']}#{line['activity']}"
            same(f"{where} amount", item["amount"], line["amount_text"])
            same(f"{where} cut", item["cut"], line["cap_cut_text"])
            same(f"{where} citation", item["cite"], f"{TERMS['citation']}：{line['citation']}")
            same(f"{where} reading", item["reading"], f"{TERMS['reading']}：{line['reading']}" if line.get("reading") else None)
    if report.get("readiness"):
        verdict = report["readiness"]
        same("verdict", shown["heading"], verdict["heading"])
        same("answer", shown["answer"], verdict["verdict_label"])
        same("next step", shown["next"], f"{TERMS['next_step']}：{verdict['next_step']['text']}")
    return found
