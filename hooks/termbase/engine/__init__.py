"""The MkDocs adapter: the only part of termbase that imports MkDocs.

Everything here translates between MkDocs objects (config, files, pages, nav) and the
engine-free core (load, graph, pages, linker), so moving to another engine means
rewriting this package only.
"""

from .rebuild import start_session
from .site import MkDocsGlossary

__all__ = ["MkDocsGlossary", "start_session"]
