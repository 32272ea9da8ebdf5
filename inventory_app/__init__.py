"""应急物资储备管理系统 — emergency materials reserve manager."""

__version__ = "0.1.0"
