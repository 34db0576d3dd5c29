"""Serve site/ on this machine the way an ordinary, well-configured static host does: the one local
server of the project (scripts/serve, the tests, the benchmark).

`python -m sitebuild.static_host [--port 8000] [--dir site]`. Listens on 127.0.0.1 only. Serves
.wasm as application/wasm (streaming compilation) and .mjs/.js as JavaScript (module scripts and
workers need a JavaScript type), and, as a host does:

- pre-compressed copies: FILE.br or FILE.gz (written by the build, sitebuild/compress.py) in
  place of FILE when the request's Accept-Encoding allows it, with Content-Encoding and
  `Vary: Accept-Encoding` (nginx gzip_static/brotli_static, Caddy `precompressed br gzip`);
- caching: files whose name carries a hash of their content (the Pyodide runtime directory
  pyodide/<version>-<hash>/, the snapshot pyodide/calc-<hash>.bin, the theme's *.<hash>.min.*)
  get `Cache-Control: public, max-age=31536000, immutable`; everything else `no-cache`
  (revalidated with If-Modified-Since, answered 304);
- the headers of `_headers` (Netlify/Cloudflare Pages syntax, written by sitebuild/csp.py: the
  Content-Security-Policy and friends), sent with every response whose path matches, as those
  hosts send them;
- a count of the bytes sent (`server.bytes_sent`, headers included), for the benchmark.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import os
import re
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .paths import SITE

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
}

IMMUTABLE = re.compile(
    r"/pyodide/\d[\w.]*-[0-9a-f]{10}/"          # the runtime directory, named by version and hash
    r"|/pyodide/calc-[0-9a-f]{12}\.bin$"        # the memory snapshot
    r"|/assets/.*\.[0-9a-f]{8}\.min\.(js|css)$"  # the theme's bundles
)
ENCODINGS = [("br", ".br"), ("gzip", ".gz")]


def read_headers_file(path: Path) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """`_headers`: a path pattern at the start of a line (`*` matches anything), then its headers
    indented below it as `Name: value`. Missing file: no rules."""
    rules: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.compile("^" + ".*".join(re.escape(part) for part in line.strip().split("*")) + "$")
            rules.append((pattern, []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def cache_control(url_path: str) -> str:
    return "public, max-age=31536000, immutable" if IMMUTABLE.search(url_path) else "no-cache"


def accepted(header: str | None) -> set[str]:
    out = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q=") and q[2:].strip() in {"0", "0.0", "0.00", "0.000"}:
            continue
        out.add(name.strip().lower())
    return out


class StaticHostHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like a real host
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404
        ctype = self.guess_type(str(path))
        served, encoding = path, None
        allowed = accepted(self.headers.get("Accept-Encoding"))
        for name, suffix in ENCODINGS:
            candidate = path.with_name(path.name + suffix)
            if name in allowed and candidate.is_file():
                served, encoding = candidate, name
                break
        stat = served.stat()
        since = self.headers.get("If-Modified-Since")
        if since and not self.headers.get("If-None-Match"):
            try:
                when = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError):
                when = None
            if when is not None and int(path.stat().st_mtime) <= when.timestamp():
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("Cache-Control", cache_control(url_path))
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
        f = open(served, "rb")  # noqa: SIM115 (closed by the base class after copyfile)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.send_header("Cache-Control", cache_control(url_path))
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        return f

    def end_headers(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        for pattern, headers in self.server.header_rules:
            if pattern.match(url_path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def copyfile(self, source, outputfile):
        # Counted before the body goes out: once the browser has it, it is in the count (counted
        # after, a test reading the count when the page says "done" raced this thread; issue 22).
        sent = os.fstat(source.fileno()).st_size
        with self.server.count_lock:
            self.server.bytes_sent += sent
            self.server.requests.append((self.path, sent))
        super().copyfile(source, outputfile)

    def send_response(self, code, message=None):
        super().send_response(code, message)
        with self.server.count_lock:
            self.server.bytes_sent += 200  # about a response's headers


class StaticHost(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_lock = threading.Lock()
        self.header_rules = []  # set by make_server from the site's _headers
        self.reset_count()

    def reset_count(self) -> None:
        with self.count_lock:
            self.bytes_sent = 0
            self.requests = []


def make_server(root: Path = SITE, port: int = 0, verbose: bool = False) -> StaticHost:
    handler = functools.partial(StaticHostHandler, directory=str(root))
    server = StaticHost(("127.0.0.1", port), handler)
    server.verbose = verbose
    server.header_rules = read_headers_file(Path(root) / "_headers")
    return server


def serve_in_thread(root: Path = SITE) -> tuple[StaticHost, str]:
    """Start a server on a free port; returns it and its base URL (ending in /)."""
    server = make_server(root)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    """Serve site/ (or --dir) on 127.0.0.1 until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Serve the built site as a static host does.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=SITE)
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        raise SystemExit(f"{args.dir} has no index.html: build the site first (python build.py)")
    server = make_server(args.dir, args.port, verbose=True)
    print(f"serving {args.dir} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
