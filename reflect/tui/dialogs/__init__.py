"""Modal dialogs: each a ``ModalScreen`` that dismisses with its answer."""
