"""What the link check reports: each broken link with the file an editor fixes, and totals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One broken link: the page it is on, the link as written, what is wrong, and the file
    the page was built from, which is where an editor fixes it."""

    page: str  # relative to the site folder: glossary/mesa/index.html
    link: str
    message: str
    source: str | None = None  # glossary/mesa.yml or content/about.md
    level: str = "error"  # "warning" does not fail the check

    def __str__(self) -> str:
        origin = f" (from {self.source})" if self.source else ""
        return f"{self.page}: {self.level}: {self.link}: {self.message}{origin}"


@dataclass
class Report:
    findings: list[Finding]
    pages: int
    links: int
    external: list[str]  # distinct external URLs, without fragments
    seconds: float

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]
