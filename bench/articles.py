"""The benchmark's content pages: articles that mention and link terms, as a site's own
pages would, written with the same random draws as the terms (bench/writer.py)."""

from __future__ import annotations

import json

from vocabulary import ARTICLE_TITLES, cap, in_prose
from writer import Writer

CONTENT_PAGES = 20
ARTICLES = "articles"


def article(writer: Writer, number: int) -> tuple[str, str, str]:
    """(slug, title, Markdown) of a content page of about 600 words."""
    rng = writer.rng
    topic = writer.plans[(number - 1) * len(writer.plans) // CONTENT_PAGES]  # one each
    title = cap(rng.choice(ARTICLE_TITLES).format(in_prose(topic.name)))
    slug = f"article-{number:02d}"
    picked = rng.sample(writer.plans, min(len(writer.plans), 16))
    linked = picked[:4]
    summary = ""
    while not 50 <= len(summary) <= 160:
        summary = writer.sentence((in_prose(topic.name), False))
    front = f"---\ndescription: {json.dumps(summary)}\n---\n"
    lines = [front, f"# {title}", ""]
    mentions = [writer.mention(p) for p in picked[4:]]
    sections = ["Background", "How it works", "Where it fails", "Further reading"]
    per_section = 600 // len(sections)
    for index, heading in enumerate(sections):
        if index:
            lines += [f"## {heading}", ""]
        chunk = mentions[index * 3 : index * 3 + 3]
        for paragraph in writer.prose(per_section, chunk):
            lines += [paragraph, ""]
    links = ", ".join(f"[{in_prose(p.name)}](../glossary/{p.slug}.md)" for p in linked)
    lines += [f"See also the glossary entries for {links}.", ""]
    return slug, title, "\n".join(lines)
