"""Keys for the app in a browser tab (`reflect serve`), where the browser keeps some for itself.

Browsers never pass ctrl+n, ctrl+t and ctrl+w (new window, new tab, close tab) to a page, and
no page can stop them. Of reflect's own keys only the editor's ctrl+t (template) is among them,
so in a browser it is alt+t, shown in the footer; ctrl+t still works where it can. ctrl+s and
ctrl+p do reach the page (its terminal script keeps them from the browser's save and print).
"""

from __future__ import annotations

#: Binding id -> keys (the first is the one shown), applied with ``App.set_keymap`` in a browser.
BROWSER_KEYMAP = {
    "editor.template": "alt+t,ctrl+t",
}
