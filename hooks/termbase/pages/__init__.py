"""Generated pages: their Markdown, what templates show around it, head data, maps, exports."""
