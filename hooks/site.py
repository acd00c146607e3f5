"""MkDocs event handlers: the whole pipeline on one screen, each handler a line or two.

load -> validate -> term graph (on_config); generated pages (on_files); short nav (on_nav);
term links and hover definitions while each page renders (on_page_markdown, the Markdown
extension, on_page_content); template data incl. backlinks (on_page_context);
live reload of glossary/ (on_serve), reusing unchanged pages between rebuilds (on_startup,
on_env, on_post_page).
"""

from __future__ import annotations

# MkDocs puts this folder on sys.path only while it imports this file: import the core now.
from termbase.engine import MkDocsGlossary, start_session

_glossary: MkDocsGlossary | None = None


def on_startup(command, dirty):
    if command == "serve":
        start_session()  # keep each page's rendering to reuse it in the next rebuild


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
    _glossary.end_page(page)
    return html


def on_env(env, config, files):
    _glossary.reuse_pages(env, files, config)
    return env


def on_page_context(context, page, config, nav):
    context.update(_glossary.template_data(page))
    return context


def on_post_page(output, page, config):
    _glossary.page_written(page, output)
    return output


def on_post_build(config):
    _glossary.finish()  # duplicate titles or descriptions fail a strict build


def on_serve(server, config, builder):
    server.watch(str(_glossary.folder))
    return server
