"""`python -m inventory_app` — the same entry point as the `inventory-app` command."""

import sys

# Absolute, not `from .cli import main`: PyInstaller runs its entry script as a top-level
# module, without a package, where a relative import fails.
from inventory_app.cli import main

sys.exit(main())
