"""The full-screen app (Textual): write, find and tag reflections, keyboard first.

Start it through :mod:`reflect.tui.factory` (``make_app`` for tests, ``run`` for people).
The App lives in ``app.py``, its screens in ``screens/`` (registered in
``screens/__init__.py``), reusable widgets and pickers in ``widgets/``, palette commands in
``commands.py`` and all styling in ``reflect.tcss``. Nothing here runs SQL: screens call the
journal's stores.
"""
