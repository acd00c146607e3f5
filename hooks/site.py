"""MkDocs event handlers: the whole pipeline on one screen, each handler a line or two.

load -> validate -> term graph (on_config); generated pages (on_files); short nav (on_nav);
term links and hover definitions while each page renders (on_page_markdown, the Markdown
extension, on_page_content); template data incl. backlinks (on_page_context);
live reload of glossary/ (on_serve).
"""

from __future__ import annotations

# MkDocs puts this folder on sys.path only while it imports this file: import the core now.
from termbase.engine import MkDocsGlossary

_glossary: MkDocsGlossary | None = None


def on_config(config):
    global _glossary
    _glossary = MkDocsGlossary(config)  # loads and validates; aborts before anything is written
    return config


def on_files(files, config):
    return _glossary.add_pages(files, config)


def on_nav(nav, config, files):
    return _glossary.add_nav(nav, files, config)


def on_page_markdown(markdown, page, config, files):
    _glossary.begin_page(page, markdown)
    return markdown


def on_page_content(html, page, config, files):
    _glossary.end_page()
    return html


def on_page_context(context, page, config, nav):
    context["glossary"] = _glossary.context(page)
    return context


def on_post_build(config):
    _glossary.heads.check()  # duplicate titles or descriptions fail a strict build


def on_serve(server, config, builder):
    server.watch(str(_glossary.folder))
    return server
