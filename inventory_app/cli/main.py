"""`inventory-app [COMMAND]`: the GUI without a command, else one command and its exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..domain.errors import DomainError, VerificationFailed
from ..messages import error_message
from .context import EXIT_ERROR, EXIT_OK, EXIT_USAGE, EXIT_VERIFY, Context
from .parser import UsageError, build_parser


def _lang(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("INVENTORY_LANG", "zh")


def gui_main() -> int:
    """The `inventory-app-gui` entry (gui-scripts: no console window on Windows)."""
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        prefix = "命令行参数错误：" if not lang.startswith("en") else "Usage error: "
        print(prefix + str(error), file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        from ..app import run_gui

        return run_gui(
            db=args.db,
            demo=args.demo,
            lang=args.lang if "--lang" in " ".join(argv) else None,
            smoke=args.smoke,
        )
    ctx = Context(args)
    try:
        return int(args.fn(ctx))
    except VerificationFailed as error:
        print(error_message(error, args.lang), file=sys.stderr)
        return EXIT_VERIFY
    except DomainError as error:
        print(error_message(error, args.lang), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `inventory-app ledger | head`: the reader left; that is not an error.
        sys.stderr.close()
        return EXIT_OK
    finally:
        ctx.close()
