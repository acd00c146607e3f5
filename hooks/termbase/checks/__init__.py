"""Checks of the built site: links, anchors, sitemap, external URLs, Lighthouse."""
