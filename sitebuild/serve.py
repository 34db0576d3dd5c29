"""A small static server for site/ on this machine: `python -m sitebuild.serve [--port 8000]`.

Serves .wasm as application/wasm (needed for streaming compilation) and .mjs/.js as JavaScript
(module scripts and workers need a JavaScript type). Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import functools
import threading
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


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


def make_server(root: Path = SITE, port: int = 0, verbose: bool = False,
                handler_class=None, server_class=ThreadingHTTPServer) -> ThreadingHTTPServer:
    handler = functools.partial(handler_class or SiteHandler, directory=str(root))
    server = server_class(("127.0.0.1", port), handler)
    server.verbose = verbose
    return server


def serve_in_thread(root: Path = SITE, make=None) -> tuple[ThreadingHTTPServer, str]:
    """Start a server on a free port; returns it and its base URL (ending in /)."""
    server = (make or make_server)(root)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(make=None) -> None:
    """Serve site/ on 127.0.0.1 until Ctrl-C; `make` builds the server (default: this module's)."""
    make = make or make_server
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=SITE)
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        raise SystemExit(f"{args.dir} has no index.html: build the site first (python build.py)")
    server = make(args.dir, args.port, verbose=True)
    print(f"serving {args.dir} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
