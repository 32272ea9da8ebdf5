"""PyInstaller's entry script: a top-level module that starts the program like `inventory-app`.

It sits outside the package on purpose; PyInstaller runs it as ``__main__`` and follows
its static imports into ``inventory_app`` (see ``inventory_app/ui/registry.py``).
"""

import sys

from inventory_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
