"""reflect: a keyboard-first reflective-practice journal for Modern Apprenticeships."""

__version__ = "0.1.0"
