"""Validate policies/*.yaml and compile them into calc/rules.json.

    python -m policies.compile          # validate, write calc/rules.json and policies/schema.json
    python -m policies.compile --check  # validate, and fail if the committed files are out of date

Run at build and test time only (it needs pydantic and PyYAML). A problem is reported with the
file and the rule it is in, and nothing is written.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from policies.schema import Policy, all_cites

ROOT = Path(__file__).resolve().parent.parent
POLICY_DIR = ROOT / "policies"
SOURCE_DIR = ROOT / "sources"
RULES_JSON = ROOT / "calc" / "rules.json"
SCHEMA_JSON = POLICY_DIR / "schema.json"
DATA_VERSION = 1


class PolicyError(Exception):
    """A policy file is invalid; the message names the file and the rule."""


def normalise(text: str) -> str:
    """The text with all white space and Markdown emphasis removed, for quote matching."""
    return re.sub(r"\s+", "", text).replace("**", "")


def _where(raw: dict, loc: tuple) -> str:
    """Turn a pydantic location such as ('kinds', 3, 'cite') into 'rule software_copyright: cite'."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "kinds" and isinstance(parts[1], int):
        kinds = raw.get("kinds") or []
        kid = kinds[parts[1]].get("id", f"#{parts[1]}") if parts[1] < len(kinds) else f"#{parts[1]}"
        rest = ".".join(str(p) for p in parts[2:])
        return f"rule {raw.get('id', '?')}/{kid}" + (f": {rest}" if rest else "")
    return ".".join(str(p) for p in parts) or "(top level)"


def load(path: Path) -> Policy:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise PolicyError(f"{path.name}: a policy file must be a mapping")
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{path.name}: {_where(raw, e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise PolicyError("\n".join(lines)) from None
    if policy.id != path.stem:
        raise PolicyError(f"{path.name}: id {policy.id!r} must match the file name")
    check_quotes(policy, path.name)
    return policy


def check_quotes(policy: Policy, filename: str) -> None:
    """Every citation quotes words that occur in its document's source text."""
    texts: dict[str, str] = {}
    problems = []
    for doc_id, doc in policy.documents.items():
        source = SOURCE_DIR / doc.source
        if not source.exists():
            problems.append(f"document {doc_id}: source file {doc.source} is not in sources/")
            continue
        texts[doc_id] = normalise(source.read_text(encoding="utf-8"))
    for cite in all_cites(policy):
        text = texts.get(cite.doc)
        if text is not None and normalise(cite.quote) not in text:
            problems.append(f"{cite.section}: quoted words not found in {cite.doc}: {cite.quote[:40]}…")
    if problems:
        raise PolicyError("\n".join(f"{filename}: {p}" for p in problems))


CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
FOLD_SPACE = re.compile(f"(?<=[{CJK}])\\s+(?=[{CJK}])")


def unfold(value: object) -> object:
    """Drop the spaces YAML's folded strings leave between two Chinese characters."""
    if isinstance(value, str):
        return FOLD_SPACE.sub("", value)
    if isinstance(value, list):
        return [unfold(v) for v in value]
    if isinstance(value, dict):
        return {k: unfold(v) for k, v in value.items()}
    return value


def compile_all() -> dict:
    policies = [load(path) for path in sorted(POLICY_DIR.glob("*.yaml"))]
    ids = [p.id for p in policies] + [a.id for p in policies for a in p.aliases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise PolicyError(f"policy ids used twice: {sorted(duplicates)}")
    return {
        "data_version": DATA_VERSION,
        "policies": {p.id: unfold(p.model_dump(mode="json", by_alias=True, exclude_none=True)) for p in policies},
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def schema_text() -> str:
    return json.dumps(Policy.model_json_schema(by_alias=True), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    try:
        data = compile_all()
    except PolicyError as exc:
        print(f"policy data invalid:\n{exc}", file=sys.stderr)
        return 1
    outputs = {RULES_JSON: render(data), SCHEMA_JSON: schema_text()}
    if "--check" in argv:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
            print(f"out of date: {names}; run `python -m policies.compile`", file=sys.stderr)
            return 1
        print("policy data valid and compiled files up to date")
        return 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"compiled {len(data['policies'])} policies into {RULES_JSON.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
