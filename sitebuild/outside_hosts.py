"""Find references in the built site that would make a browser contact another host.

Checked: HTML and SVG attributes that load or link (src, href, srcset, action, poster, data, ...),
inline scripts and styles; CSS `url(...)` and `@import`; JavaScript string and template literals
that begin with an absolute URL (what fetch(), import(), new Worker(), a script loader or
location would be given). Not checked, because nothing is fetched from them: comments (licence
headers), plain text, xmlns declarations, and URLs in the middle of a string (an error message).
Hosts on this machine (localhost, 127.x, ::1) are allowed.

A few literals in third-party files are never used by this site; ALLOWED lists each with why.
`python -m sitebuild.outside_hosts [site]` prints the findings and exits 1 if there are any.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

URL_START = re.compile(r"^\s*(?:(?:https?|wss?|ftp):)?//(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)", re.I)
LOCAL_HOST = re.compile(r"^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$", re.I)

# (path suffix within site/, literal prefix, why it is never fetched)
ALLOWED: list[tuple[str, str, str]] = [
    ("assets/javascripts/bundle.", "https://api.github.com/",
     "theme's repository facts, used only when mkdocs.yml sets repo_url (it does not)"),
    ("calculator/app.js", "http://www.w3.org/2000/svg",
     "the SVG namespace name given to createElementNS for QR codes (qr.js, bundled into the calculator's "
     "app.js by sitebuild/bundle.py); a name, never fetched"),
    ("calculator/policy-qr.js", "http://www.w3.org/2000/svg",
     "the same, in qr.js as bundled into the region pages' policy-qr.js"),
]

LOADING_ATTRS = {
    "src", "href", "srcset", "action", "formaction", "poster", "data", "background",
    "xlink:href", "manifest", "ping", "longdesc", "codebase", "archive", "imagesrcset",
}
TEXT_SUFFIXES = {".html", ".htm", ".svg", ".js", ".mjs", ".cjs", ".css"}


@dataclass(frozen=True)
class Finding:
    path: str
    what: str
    url: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}: {self.url}"


def outside_host(value: str) -> str | None:
    """The host a URL-valued string starts with, when it is absolute and not on this machine."""
    m = URL_START.match(value)
    if not m or value.lstrip().startswith("///"):
        return None
    host = m.group("host")
    return None if LOCAL_HOST.match(host) else host


# ---- CSS ------------------------------------------------------------------------------------

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
CSS_IMPORT = re.compile(r"@import\s+(['\"])(.*?)\1", re.I)


def scan_css(text: str) -> list[tuple[str, str]]:
    text = CSS_COMMENT.sub(" ", text)
    found = [("css url()", m.group(2)) for m in CSS_URL.finditer(text)]
    found += [("css @import", m.group(2)) for m in CSS_IMPORT.finditer(text)]
    return [(what, url.strip()) for what, url in found if outside_host(url)]


# ---- JavaScript -----------------------------------------------------------------------------

_REGEX_AFTER_WORDS = {
    "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
    "instanceof", "yield", "await",
}


def js_literals(text: str) -> list[str]:
    """The string and template literals of a script, skipping comments and regex literals.

    A small tokenizer: enough for minified bundles, where a quote inside a regex literal or a
    `//` inside a string would fool a plain regular expression.
    """
    out: list[str] = []
    i, n = 0, len(text)
    prev = ""  # last significant token: "value" (ends an expression), a keyword, or a punctuator
    while i < n:
        c = text[i]
        if c in " \t\r\n\f\v\u00a0\ufeff\u2028\u2029":
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c in "'\"`":
            j, buf = i + 1, []
            while j < n and text[j] != c:
                if text[j] == "\\":
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                if c != "`" and text[j] == "\n":
                    break
                buf.append(text[j])
                j += 1
            out.append("".join(buf))
            i, prev = j + 1, "value"
        elif c == "/":
            regex = prev not in ("value", ")", "]", "}")
            if regex:
                j, in_class = i + 1, False
                while j < n and text[j] != "\n":
                    if text[j] == "\\":
                        j += 2
                        continue
                    if text[j] == "[":
                        in_class = True
                    elif text[j] == "]":
                        in_class = False
                    elif text[j] == "/" and not in_class:
                        break
                    j += 1
                j += 1
                while j < n and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                i, prev = j, "value"
            else:
                i, prev = i + 1, "/"
        elif c.isalnum() or c in "_$" or ord(c) > 127:
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_$" or ord(text[j]) > 127):
                j += 1
            word = text[i:j]
            prev = word if word in _REGEX_AFTER_WORDS else "value"
            i = j
        else:
            prev = c
            i += 1
    return out


def scan_js(text: str) -> list[tuple[str, str]]:
    return [("js literal", lit[:120]) for lit in js_literals(text) if outside_host(lit)]


# ---- HTML and SVG ---------------------------------------------------------------------------


class _HTMLScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._raw: str | None = None  # "script" or "style" while inside one
        self._script_is_js = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found += scan_css(value)
            elif name.startswith("on"):
                self.found += scan_js(value)
            elif name in LOADING_ATTRS:
                candidates = value.split(",") if name.endswith("srcset") else [value]
                for cand in candidates:
                    url = cand.strip().split(" ")[0] if name.endswith("srcset") else cand.strip()
                    if outside_host(url):
                        self.found.append((f"<{tag} {name}>", url))
        if tag in ("script", "style"):
            self._raw = tag
            kind = dict(attrs).get("type") or ""
            self._script_is_js = kind in ("", "module", "text/javascript", "application/javascript")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "style":
            self.found += scan_css(data)
        elif self._raw == "script" and self._script_is_js:
            self.found += scan_js(data)


def scan_html(text: str) -> list[tuple[str, str]]:
    parser = _HTMLScan()
    parser.feed(text)
    parser.close()
    return parser.found


# ---- the site -------------------------------------------------------------------------------


def _allowed(rel: str, url: str) -> bool:
    return any(key in rel and url.startswith(prefix) for key, prefix, _ in ALLOWED)


def scan_file(path: Path, rel: str) -> list[Finding]:
    text = path.read_text("utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".svg"):
        found = scan_html(text)
    elif suffix == ".css":
        found = scan_css(text)
    else:
        found = scan_js(text)
    return [Finding(rel, what, url) for what, url in found if not _allowed(rel, url)]


def scan_site(site: Path) -> list[Finding]:
    findings: list[Finding] = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            findings += scan_file(path, path.relative_to(site).as_posix())
    return findings


def main(argv: list[str]) -> int:
    from .paths import SITE

    site = Path(argv[0]) if argv else SITE
    findings = scan_site(site)
    for f in findings:
        print(f)
    print(f"{len(findings)} reference(s) to outside hosts in {site}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
