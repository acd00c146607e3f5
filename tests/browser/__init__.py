"""Browser tests: the built site as readers see it, in Debian's Chromium."""
