"""Command line: `inventory-app COMMAND` drives the same services as the GUI.

``inventory_app.cli:main`` is the console-script entry point; the commands live in
``admin``, ``postings`` and ``queries``, the parser in ``parser``.
"""

from __future__ import annotations

from .context import EXIT_ERROR, EXIT_OK, EXIT_USAGE, EXIT_VERIFY, Context
from .main import gui_main, main
from .parser import build_parser

__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_VERIFY",
    "Context",
    "build_parser",
    "gui_main",
    "main",
]
