"""Stage 3d: third-party browser code from node_modules (npm ci) into build/generated/vendor/.

The pages import it from vendor/ (docs/calculator/qr.js: "../vendor/qrcode.mjs"), where the
site serves it; a file joined into a bundle (stage 3e) is left out of the site again. Only what
the site itself runs is copied (the test-only axe-core is injected by Playwright from
node_modules, never served). Each file keeps its licence header; versions are pinned in
package.json / package-lock.json.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .paths import GENERATED_DIR, ROOT

NODE_MODULES = ROOT / "node_modules"
VENDOR_DIR = "vendor"

# (package, file inside the package, name under vendor/ of the site)
FILES = [
    ("qrcode-generator", "dist/qrcode.mjs", "qrcode.mjs"),  # QR codes for share links and region pages
]


def copy(out: Path = GENERATED_DIR) -> list[Path]:
    dest_dir = out / VENDOR_DIR
    dest_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for package, rel, name in FILES:
        src = NODE_MODULES / package / rel
        if not src.exists():
            raise SystemExit(f"build: {src} is missing: run `npm ci` (package.json pins {package})")
        dest = dest_dir / name
        shutil.copyfile(src, dest)
        copied.append(dest)
    return copied
