"""Switch the interface language: Chinese source strings, English from a compiled .qm file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from inventory_app import paths

# Source strings in the code are Simplified Chinese, so zh_CN needs no translation
# file and can never be incomplete; English is the translated language.
DEFAULT_LANGUAGE = "zh_CN"
# Language code -> its name in that language (never translated, so users can find theirs).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
SETTINGS_KEY = "ui/language"
APP_CATALOG = "inventory"  # inventory_en.qm

_LOCALES = {
    "zh_CN": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def install_language(app: QCoreApplication, lang: str) -> None:
    """Replace the installed translators with those for ``lang`` ("zh_CN" or "en").

    Qt then sends every widget a LanguageChange event, on which it re-reads its texts.
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}; expected one of {sorted(LANGUAGES)}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    if lang == "zh_CN":
        # Qt's own strings (standard buttons, context menus) are English in the
        # source; its bundled qtbase_zh_CN.qm makes them read 确定/取消.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, "qtbase_zh_CN", qt_dir)
    else:
        _load(app, f"{APP_CATALOG}_{lang}", str(paths.translations_dir()))

    QLocale.setDefault(_LOCALES[lang])
    _current = lang


def _load(app: QCoreApplication, name: str, directory: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, directory):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        # Not fatal: untranslated text still shows (in Chinese), which beats no app.
        _log.warning("Translation %s not found in %s", name, directory)


def current_language() -> str:
    return _current


def saved_language(settings: QSettings | None = None) -> str:
    """The language stored under ``ui/language``, or the default if unset or unknown."""
    value = (settings if settings is not None else QSettings()).value(
        SETTINGS_KEY, DEFAULT_LANGUAGE
    )
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str, settings: QSettings | None = None) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}")
    (settings if settings is not None else QSettings()).setValue(SETTINGS_KEY, lang)


def apply_saved_language(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """Install the language the user chose last time; returns its code."""
    lang = saved_language(settings)
    install_language(app, lang)
    return lang
