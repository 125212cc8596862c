"""The sample journal behind ``reflect demo``."""
