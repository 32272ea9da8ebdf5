"""Unit tests of the plain-Python domain rules."""
