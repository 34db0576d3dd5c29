"""Validate policies/*.yaml and compile them into calc/rules.json.

    python -m policies.compile          # validate, write calc/rules.json and policies/schema.json
    python -m policies.compile --check  # validate, and fail if the committed files are out of date

    # also the notices of other folders (a new region being tried out, the test fixture), written
    # to a file of its own: calc/rules.json is left as it is
    python -m policies.compile --policies DIR --sources DIR --out build/rules.json

Run at build and test time only (it needs pydantic and PyYAML). A problem is reported with the
file, the line and the rule it is in, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from policies.schema import National, Policy, cites_with_paths, references

ROOT = Path(__file__).resolve().parent.parent
POLICY_DIR = ROOT / "policies"
SOURCE_DIR = ROOT / "sources"
NATIONAL = POLICY_DIR / "national" / "rules.yaml"  # not a region: the regulation the notices work under
RULES_JSON = ROOT / "calc" / "rules.json"
SCHEMA_JSON = POLICY_DIR / "schema.json"
DATA_VERSION = 1


class PolicyError(Exception):
    """A policy file is invalid; the message names the file, the line and the rule."""


# ---- YAML with line numbers -----------------------------------------------------------------


class Marked(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict


class MarkedList(list):
    line: int = 0
    lines: list


class MarkedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, recording where each mapping key and list item is."""


def _mapping(loader: MarkedLoader, node: yaml.MappingNode) -> Marked:
    loader.flatten_mapping(node)
    result = Marked()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def line_of(raw: object, path: tuple) -> int | None:
    """The line of the deepest part of `path` that the file has (pydantic paths and model paths)."""
    line = getattr(raw, "line", None)
    node = raw
    for part in path:
        if isinstance(node, Marked) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        else:
            break
    return line


def _where(raw: dict, loc: tuple) -> str:
    """Turn a location such as ('kinds', 3, 'cite') into 'rule qinghai/software_copyright: cite'."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "kinds" and isinstance(parts[1], int):
        kinds = raw.get("kinds") or []
        entry = kinds[parts[1]] if parts[1] < len(kinds) else None
        kid = entry.get("id", f"#{parts[1]}") if isinstance(entry, dict) else f"#{parts[1]}"
        rest = ".".join(str(p) for p in parts[2:])
        return f"rule {raw.get('id', '?')}/{kid}" + (f": {rest}" if rest else "")
    return ".".join(str(p) for p in parts) or "(top level)"


def _located(path: Path, raw: object, loc: tuple, message: str) -> str:
    line = line_of(raw, loc)
    where = f"{path.name}:{line}" if line else path.name
    return f"{where}: {_where(raw if isinstance(raw, dict) else {}, loc)}: {message}"


# ---- loading and checking -------------------------------------------------------------------


def normalise(text: str) -> str:
    """The text with all white space and Markdown emphasis removed, for quote matching."""
    return re.sub(r"\s+", "", text).replace("**", "")


def validated(path: Path, model: type[BaseModel]) -> tuple[object, dict]:
    """The file read as `model`, with the marked YAML it came from (for line numbers)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=MarkedLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise PolicyError(f"{path.name}: a policy file must be a mapping")
    try:
        return model.model_validate(raw), raw
    except ValidationError as exc:
        lines = [_located(path, raw, tuple(e["loc"]), e["msg"]) for e in exc.errors()]
        raise PolicyError("\n".join(lines)) from None


def load_national(path: Path = NATIONAL, source_dirs: list[Path] | None = None) -> National:
    national, raw = validated(path, National)
    problems = check_quotes(national, path, raw, source_dirs or [SOURCE_DIR])
    if problems:
        raise PolicyError("\n".join(problems))
    return national


def load(path: Path, source_dirs: list[Path] | None = None) -> Policy:
    policy, raw = validated(path, Policy)
    if policy.id != path.stem:
        raise PolicyError(f"{path.name}: id {policy.id!r} must match the file name")
    problems = [_located(path, raw, loc, text) for loc, text in references(policy)]
    problems += check_quotes(policy, path, raw, source_dirs or [SOURCE_DIR])
    if problems:
        raise PolicyError("\n".join(problems))
    return policy


def check_quotes(policy: Policy, path: Path, raw: object, source_dirs: list[Path]) -> list[str]:
    """Every citation (wherever it is in the file) quotes words that occur in its document's text."""
    texts: dict[str, str] = {}
    problems = []
    for doc_id, doc in policy.documents.items():
        found = [d / doc.source for d in source_dirs if (d / doc.source).exists()]
        if not found:
            problems.append(_located(path, raw, ("documents", doc_id, "source"), f"document {doc_id}: source file {doc.source} is not in {', '.join(str(d) for d in source_dirs)}"))
            continue
        texts[doc_id] = normalise(found[0].read_text(encoding="utf-8"))
    for loc, cite in cites_with_paths(policy):
        text = texts.get(cite.doc)
        if text is not None and normalise(cite.quote) not in text:
            problems.append(_located(path, raw, loc + ("quote",), f"{cite.section}: quoted words not found in {cite.doc}: {cite.quote[:40]}…"))
    return problems


def check_person_facts(policies: list[Policy]) -> None:
    """A person fact means the same in every policy: a saved file's `person` is read the same
    whichever region it names."""
    seen: dict[str, tuple[str, str, list]] = {}
    problems = []
    for policy in policies:
        for fact in policy.person:
            shape = (fact.type, sorted(str(c.value) for c in fact.choices or []))
            if fact.name in seen and seen[fact.name][1:] != shape:
                problems.append(f"{policy.id}.yaml: person fact {fact.name!r} is {shape}, but {seen[fact.name][0]}.yaml has {seen[fact.name][1:]}")
            seen.setdefault(fact.name, (policy.id, *shape))
    if problems:
        raise PolicyError("\n".join(problems))


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


def compile_all(policy_dirs: list[Path] | None = None, source_dirs: list[Path] | None = None) -> dict:
    policy_dirs = policy_dirs or [POLICY_DIR]
    source_dirs = source_dirs or [SOURCE_DIR]
    paths = [path for d in policy_dirs for path in sorted(d.glob("*.yaml"))]
    problems, policies = [], []
    for path in paths:
        try:
            policies.append(load(path, source_dirs))
        except PolicyError as exc:
            problems.append(str(exc))
    if problems:
        raise PolicyError("\n".join(problems))
    ids = [p.id for p in policies] + [a.id for p in policies for a in p.aliases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise PolicyError(f"policy ids used twice: {sorted(duplicates)}")
    check_person_facts(policies)
    national = load_national(NATIONAL, source_dirs)
    return {
        "data_version": DATA_VERSION,
        "national": unfold(national.model_dump(mode="json", by_alias=True, exclude_none=True)),
        "policies": {p.id: unfold(p.model_dump(mode="json", by_alias=True, exclude_none=True)) for p in policies},
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def schema_text() -> str:
    return json.dumps(Policy.model_json_schema(by_alias=True), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m policies.compile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if calc/rules.json or policies/schema.json is out of date")
    parser.add_argument("--policies", action="append", type=Path, default=[], help="another folder of policy files (with --out)")
    parser.add_argument("--sources", action="append", type=Path, default=[], help="another folder of source texts")
    parser.add_argument("--out", type=Path, help="write the rule data here instead of calc/rules.json")
    args = parser.parse_args(argv)
    if (args.policies or args.sources) and not args.out:
        parser.error("--policies/--sources need --out: calc/rules.json holds the project's own notices only")
    try:
        data = compile_all([POLICY_DIR, *args.policies], [SOURCE_DIR, *args.sources])
    except PolicyError as exc:
        print(f"policy data invalid:\n{exc}", file=sys.stderr)
        return 1
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render(data), encoding="utf-8")
        print(f"compiled {len(data['policies'])} policies into {args.out}")
        return 0
    outputs = {RULES_JSON: render(data), SCHEMA_JSON: schema_text()}
    if args.check:
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
