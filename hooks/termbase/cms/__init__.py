"""The editors' form at /admin/ (Decap CMS): its configuration from the field declarations,
and the files of the page."""
