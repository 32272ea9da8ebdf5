"""Reports: plain rows in, PDF or Excel file out (no Qt here)."""
