"""reflect in a browser tab: a private web server on this machine for the unchanged app.

:mod:`reflect.serve.server` serves a page of our own (no web fonts, nothing from the internet)
and Textualize's terminal script from the ``textual-serve`` package; every browser tab that
connects gets the app as ``python -m reflect`` in a process of its own, on the same journal.
Nothing here imports textual or the journal: the app runs in that process, as in a terminal.
"""
