"""Stage 6b: a Content-Security-Policy on every page of the built site.

A <meta http-equiv="Content-Security-Policy"> is written into each HTML file, so the policy holds
on any static host, headers or not. It allows only the site's own scripts (plus the theme's few
inline scripts, each allowed by its SHA-256 hash, so no other inline script can run), its own
worker, WebAssembly compilation, and connections to the site itself: nothing a user typed, a
share link or an imported file can run, and no request can go to another host.

One policy serves the whole site (every page's inline-script hashes together), written both into
the meta tags and into `_headers` (Netlify/Cloudflare Pages syntax) as an HTTP header for hosts
that read it, plus frame-ancestors, which a meta tag cannot express. A browser enforces the header
and the meta tag both, so they must allow the same: generated from one source, they do.
sitebuild/static_host.py sends `_headers` as such a host would (tests/browser/test_security.py).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from .paths import SITE

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
MARK = 'http-equiv="Content-Security-Policy"'

BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],  # the theme sets style attributes; styles cannot run code
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def policy(extra_scripts: list[str] = ()) -> str:
    parts = []
    for name, values in BASE.items():
        if name == "script-src":
            values = values + list(extra_scripts)
        parts.append(f"{name} {' '.join(values)}")
    return "; ".join(parts)


def inline_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in INLINE_SCRIPT.findall(html):
        if "application/json" in attributes.lower():
            continue  # data, never executed
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def site_policy(site: Path = SITE) -> str:
    """The one policy of the whole site: every page's inline scripts allowed by hash. The meta tags
    and `_headers` both carry it, so a host that sends the header (which the browser enforces on
    top of the meta tag) blocks nothing the pages need (issue 15: three theme scripts and search
    were blocked on such a host)."""
    hashes: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        hashes.update(inline_hashes(_without_meta(page.read_text("utf-8"))))
    return policy(sorted(hashes))


def headers_text(site_policy_text: str) -> str:
    """`_headers` (Netlify/Cloudflare Pages syntax): the site's policy plus frame-ancestors, which
    a meta tag cannot express."""
    return (f"/*\n  Content-Security-Policy: {site_policy_text}; frame-ancestors 'self'\n"
            "  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n")


META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _without_meta(html: str) -> str:
    return META.sub("", html)


def apply(site: Path = SITE) -> int:
    the_policy = site_policy(site)
    pages = 0
    for page in sorted(site.rglob("*.html")):
        html = _without_meta(page.read_text("utf-8"))
        meta = f'<meta {MARK} content="{the_policy}">'
        html, count = HEAD.subn(lambda m: m.group(0) + meta, html, count=1)
        if count:
            page.write_text(html, "utf-8")
            pages += 1
    (site / "_headers").write_text(headers_text(the_policy), "utf-8")
    return pages
