"""MkDocs event handlers: the whole pipeline on one screen, each handler a line or two.

load -> validate -> term graph (on_config); generated pages, term-file links and the nav
section (on_files); term links and hover definitions while each page renders
(on_page_markdown, the Markdown extension, on_page_content); template data incl. backlinks
(on_page_context); live reload of glossary/ (on_serve), reusing unchanged pages between
rebuilds (on_startup, on_env, on_post_page) and writing JSON files and the search index after
each rebuild has returned (on_post_build, on_shutdown). `mkdocs build` writes into a new
folder beside site_dir, put in place only once the whole build has succeeded (on_config,
on_post_build, on_build_error).
"""

from __future__ import annotations

# MkDocs puts this folder on sys.path only while it imports this file: import the core now.
from termbase.engine import AtomicOutput, GlossaryBuild, run_last, start_session, stop_tail

_build: GlossaryBuild | None = None
_nav = None
_output = AtomicOutput()


def on_startup(command, dirty):
    _output.startup(command, dirty)  # `mkdocs build` swaps the whole new site in at the end
    if command == "serve":
        start_session()  # keep each page's rendering to reuse it in the next rebuild


def on_config(config):
    global _build
    _build = GlossaryBuild(config)  # loads and validates; aborts before anything is written
    _output.redirect(config)  # site_dir -> a new folder beside it; stale ones deleted
    return config


def on_files(files, config):
    return _build.add_files(files, config)


def on_nav(nav, config, files):
    global _nav
    _nav = nav  # the reuse keys under serve hash it
    _build.language_navs(nav, config, files)  # each translation's own nav
    return nav


def on_page_markdown(markdown, page, config, files):
    _build.begin_page(page, markdown)
    return markdown


def on_page_content(html, page, config, files):
    _build.end_page(page, html)
    return html


def on_env(env, config, files):
    _build.before_templates(env, files, config, _nav)
    return env


def on_page_context(context, page, config, nav):
    context.update(_build.template_data(page))
    return context


def on_post_page(output, page, config):
    _build.page_written(page, output)
    return output


@run_last  # after other plugins' on_post_build, so their files and warnings count
def on_post_build(config):
    _build.finish()  # duplicate titles or descriptions fail a strict build: check them first
    _output.publish(config)  # the new site in place, unless a warning fails strict mode


def on_build_error(error):
    if _build is not None:
        _build.abandon()
    _output.failed(error)  # the new folder deleted; site_dir left as it was


def on_shutdown():
    stop_tail()  # serve ends: nothing left writing into its folder as MkDocs deletes it


def on_serve(server, config, builder):
    for folder in _build.folders:  # every glossary's term files
        server.watch(str(folder))
    return server
