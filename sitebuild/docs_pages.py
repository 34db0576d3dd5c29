"""Stage 2: the Markdown pages generated from the rule data (calc/rules.json), into build/generated/.

MkDocs reads docs/ (hand-written pages, the calculator's code and styles) as it is; the pages this
stage writes, one per region (regions/<id>.md, and a short page per alias), a comparison page
(compare.md), a FAQ (faq.md) and each region's worksheet, go to build/generated/ (build output,
made afresh on every build, starting here) and the navigation to build/nav.json; the hook
sitebuild/mkdocs_generated.py adds them to the site. Nothing is written into docs/.

The words are calc's (calc/vocabulary.py, calc/rule_words.py) and the rule data's; the templates
lay them out and escape them for Markdown (sitebuild/describe.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from calc.compare import family
from calc.vocabulary import GROUP

from . import search, worksheet
from .describe import GENERATED, render
from .paths import GENERATED_DIR, NAV_JSON, RULES_JSON


def load_rules(path: Path = RULES_JSON) -> dict:
    if not path.exists():
        raise SystemExit(f"build: {path} is missing: run `python -m policies.compile` (stage 1)")
    return json.loads(path.read_text("utf-8"))


def calculator_link(policy_id: str, depth: str = "../") -> str:
    return f"{depth}calculator/index.md?policy={policy_id}"


def kinds_by_group(policy: dict) -> list[tuple[str, str, list[dict]]]:
    """The region's kinds in the groups a person looks for them by (calc's GROUP, in its order)."""
    kinds = policy.get("kinds", [])
    return [(g, label, [k for k in kinds if k.get("group") == g]) for g, label in GROUP.items() if any(k.get("group") == g for k in kinds)]


def key_deadlines(policy: dict) -> list[dict]:
    """The latest year's deadlines for the person (the unit's own, when the notice names none)."""
    deadlines = policy.get("deadlines") or []
    if not deadlines:
        return []
    year = max(x["year"] for x in deadlines)
    latest = sorted((x for x in deadlines if x["year"] == year), key=lambda x: (x["date"], x.get("time") or ""))
    return [x for x in latest if x["who"] == "个人"] or latest


def region_page(policy: dict) -> str:
    readiness = policy.get("readiness") or {}
    readings = [readiness.get("reductions_reading")] + [x.get("reading") for x in readiness.get("reductions", [])]
    groups = kinds_by_group(policy)
    courses = [k for k in policy.get("kinds", []) if k.get("group") == "course" and k.get("category")]
    others = [(label, len([k for k in members if k not in courses])) for _, label, members in groups]
    return render(
        "region.md.j2", policy=policy, generated=GENERATED, calculator_link=calculator_link(policy["id"]),
        reduction_readings=list(dict.fromkeys(t for t in readings if t)),
        search_first=search.front_matter_value(policy), groups=groups, courses=courses,
        other_count=sum(n for _, n in others), other_groups=[f"{label} {n} 类" for label, n in others if n],
        key_deadlines=key_deadlines(policy),
    )


def alias_page(alias: dict, policy: dict) -> str:
    return render(
        "alias.md.j2", alias=alias, policy=policy, generated=GENERATED, calculator_link=calculator_link(alias["id"]),
        search_first=search.front_matter_value(policy),
    )


def compare_page(policies: list[dict]) -> str:
    """The regions side by side: their main rules, and each activity more than one region has (the
    same kind id, or the kind a region's rule data names as the same: calc.compare.family), named
    in Chinese by the first region's own name for it."""
    families: dict[str, dict[str, list[dict]]] = {}
    for p in policies:
        seen = set()
        for k in p.get("kinds", []):
            if k["id"] not in seen:
                seen.add(k["id"])
                families.setdefault(family(k), {}).setdefault(p["id"], []).append(k)
    shared = []
    for fam, per in families.items():
        if len(per) > 1:
            kinds = [k for p in policies for k in per.get(p["id"], [])]
            named = next((k for k in kinds if k["id"] == fam), kinds[0])
            shared.append((named["name"].split("（")[0], [per.get(p["id"], []) for p in policies]))
    return render("compare.md.j2", policies=policies, shared=shared, generated=GENERATED)


def faq_page(policies: list[dict]) -> str:
    return render("faq.md.j2", policies=policies, generated=GENERATED)


# ---- every generated page --------------------------------------------------------------------


def generate(rules: dict | None = None, out: Path = GENERATED_DIR, nav_file: Path = NAV_JSON) -> list[str]:
    """Write the generated pages into `out` (emptied first) and the navigation into `nav_file`;
    returns the pages written, as paths inside `out` (= their paths among the site's pages)."""
    rules = rules if rules is not None else load_rules()
    if out.exists():
        shutil.rmtree(out)
    policies = sorted(rules["policies"].values(), key=lambda p: p["id"])
    written = []

    def write(rel: str, text: str) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(rel)

    region_nav = []
    for p in policies:
        write(f"regions/{p['id']}.md", region_page(p))
        region_nav.append({p["name"]: f"regions/{p['id']}.md"})
        for alias in p.get("aliases", []):
            write(f"regions/{alias['id']}.md", alias_page(alias, p))
            region_nav.append({alias["name"]: f"regions/{alias['id']}.md"})
    written += worksheet.write(out, policies, rules.get("data_version"))  # sitebuild/worksheet.py
    write("compare.md", compare_page(policies))
    write("faq.md", faq_page(policies))
    nav = [
        {"首页": "index.md"},
        {"学时计算器": "calculator/index.md"},
        {"计算器使用说明": "calculator/guide.md"},
        {"单位批量自查": "batch/index.md"},
        {"各地规定": region_nav},
        {"各地对比": "compare.md"},
        {"常见问题": "faq.md"},
        {"关于本站": "about.md"},
        {"隐私与安全": "privacy.md"},
        {"浏览器支持": "browsers.md"},
        {"性能": "performance.md"},
    ]
    nav_file.parent.mkdir(parents=True, exist_ok=True)
    nav_file.write_text(json.dumps(nav, ensure_ascii=False, indent=1), "utf-8")
    return written
