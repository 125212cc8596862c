"""Reflections: their records, the store that keeps them, filters, search and templates."""
