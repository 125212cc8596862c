"""A keyring backend for the benchmark only: keys in one private JSON file under the bench's home.

A headless machine has no system keyring (no Secret Service, Keychain or Credential Locker),
so the encrypted rows would otherwise derive the key from the passphrase on every run. This
backend stands in for the system's, chosen with ``PYTHON_KEYRING_BACKEND`` in the benchmark's
environment alone; reflect never uses it otherwise. It stores keys in plain text: fine for a
generated journal, never for a real one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

#: The environment variable naming the file (the benchmark sets it).
FILE_VARIABLE = "BENCH_KEYRING_FILE"


class Keyring(KeyringBackend):
    """Keys in ``$BENCH_KEYRING_FILE`` (JSON, 0600)."""

    priority = 1  # type: ignore[assignment]  # chosen by name, never by priority

    def _path(self) -> Path:
        return Path(os.environ[FILE_VARIABLE])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, values: dict[str, str]) -> None:
        path = self._path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(values, handle)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._load()
        values[f"{service}/{username}"] = password
        self._save(values)

    def delete_password(self, service: str, username: str) -> None:
        values = self._load()
        values.pop(f"{service}/{username}", None)
        self._save(values)
