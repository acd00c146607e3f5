"""`python -m termbase.cli`: the `glossary` command without the installed script."""

import sys

from termbase.cli.main import main

sys.exit(main())
