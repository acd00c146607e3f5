"""The files of the editors' page at /admin/: the page, its configuration, the preview and
the vendored Decap CMS app, as paths in the built site."""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml

ADMIN = "admin"
HERE = Path(__file__).parent / "admin"
# The browser bundle of npm `decap-cms` (its dist/ without source maps), committed with its
# checksums; vendor/update-decap-cms.sh fetches another version.
VENDOR = Path(__file__).resolve().parents[3] / "vendor" / "decap-cms"
SUMS = "SHA256SUMS"


def page_files(config: dict, *, site_name: str, language: str, styles: list[str]) -> dict:
    """admin/index.html, admin/config.yml and admin/preview.js by their paths in the site.
    `styles` are the site's stylesheets, as paths from the site's root."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE), autoescape=True, keep_trailing_newline=True
    )
    page = env.get_template("index.html").render(
        site_name=site_name, language=language, styles=[f"../{path}" for path in styles]
    )
    return {
        f"{ADMIN}/index.html": page,
        f"{ADMIN}/config.yml": config_yaml(config),
        f"{ADMIN}/preview.js": (HERE / "preview.js").read_text(encoding="utf-8"),
    }


def config_yaml(config: dict) -> str:
    header = "# Made by the build from the field declarations (hooks/termbase/cms/decap.py).\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


def vendored_files() -> dict[str, Path]:
    """The app's files, those SHA256SUMS lists that a browser loads (scripts, WebAssembly
    and the licences of the code bundled in them)."""
    names = [line.split()[1] for line in (VENDOR / SUMS).read_text().splitlines() if line]
    return {
        f"{ADMIN}/{name}": VENDOR / name
        for name in names
        if name.endswith((".js", ".wasm", "LICENSE.txt"))
    }
