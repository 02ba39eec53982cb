"""`python -m backcare.picture_render`: render every exercise picture's SVG to PNG, for Telegram.

Run by `make pictures` (and so by `make run` and `make test`). Uses Debian's Chromium through
Playwright (both already used by the browser tests); writes `var/pictures/<slug>.png` at twice
the SVG's size, and skips a PNG newer than its SVG. Without Chromium it warns and exits 0:
the web page and REST clients use the SVG, and Telegram then sends the text alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from backcare.pictures import PNG_DIR, SVG_DIR, png_path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
SCALE = 2


def stale(svgs: list[Path]) -> list[Path]:
    return [
        svg
        for svg in svgs
        if not png_path(svg.stem).is_file()
        or png_path(svg.stem).stat().st_mtime < svg.stat().st_mtime
    ]


def render(svgs: list[Path]) -> None:
    from playwright.sync_api import sync_playwright

    PNG_DIR.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page(device_scale_factor=SCALE)
            for svg in svgs:
                page.goto(svg.resolve().as_uri())
                picture = page.locator("svg")
                box = picture.bounding_box()
                if box is None:
                    raise RuntimeError(f"{svg} shows nothing")
                page.set_viewport_size({"width": int(box["width"]), "height": int(box["height"])})
                target = png_path(svg.stem)
                partial = target.with_suffix(".png.part")
                picture.screenshot(path=str(partial), type="png")
                partial.replace(target)
        finally:
            browser.close()


def main() -> int:
    svgs = sorted(SVG_DIR.glob("*.svg"))
    todo = stale(svgs)
    if not todo:
        return 0
    if not Path(CHROMIUM).exists():
        print(
            f"warning: {CHROMIUM} not found; exercise pictures are not rendered to PNG "
            "(Telegram sends the text alone)",
            file=sys.stderr,
        )
        return 0
    render(todo)
    print(f"Rendered {len(todo)} exercise picture(s) to {PNG_DIR}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
