"""Plain-Python domain: entities, rules and errors (no SQLAlchemy, no Qt)."""
