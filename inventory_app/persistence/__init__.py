"""Database access: engine, tables, repositories and the migration runner."""
