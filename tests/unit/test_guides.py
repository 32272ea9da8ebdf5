"""The operating guides exist, are linked from the README, and link each other correctly."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {
    "单机安装": "install-single-pc.md",
    "多机共用": "multi-pc-postgresql.md",
    "备份与恢复": "backup-restore.md",
    "换新电脑": "new-pc.md",
    "升级": "upgrade.md",
}


def test_every_guide_is_linked_from_the_readme_and_has_an_english_summary() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for title, name in GUIDES.items():
        assert f"[{title}](docs/guides/{name})" in readme, title
        text = (ROOT / "docs" / "guides" / name).read_text(encoding="utf-8")
        assert text.startswith(f"# {title} · ") and "**English summary.**" in text, name


def test_links_between_guides_resolve() -> None:
    for name in GUIDES.values():
        text = (ROOT / "docs" / "guides" / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+\.md)\)", text):
            assert (ROOT / "docs" / "guides" / target).is_file(), (name, target)
