"""Qt item models over frozen dataclass rows from the query services."""
