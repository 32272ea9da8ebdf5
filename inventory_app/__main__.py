"""`python -m inventory_app` — the same entry point as the `inventory-app` command."""

import sys

from .cli import main

sys.exit(main())
