"""Dependency audit: pip-audit plus an offline advisory check (see audit.py)."""
