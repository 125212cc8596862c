"""How much evidence there is and where it is missing: counts, coverage, stats and suggestions."""
