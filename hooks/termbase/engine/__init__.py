"""The MkDocs adapter: the only part of termbase that imports MkDocs.

Everything here translates between MkDocs objects (config, files, pages, nav) and the
engine-free core (reading, graph, pages), so moving to another engine means rewriting this
package only.
"""

from termbase.engine.atomic import AtomicOutput, run_last
from termbase.engine.build import GlossaryBuild
from termbase.engine.rebuild import start_session, stop_tail

__all__ = ["AtomicOutput", "GlossaryBuild", "run_last", "start_session", "stop_tail"]
