"""The `glossary` command."""
