"""`reflect unlock` keeps the derived key in the keyring; `reflect lock` forgets it."""

from __future__ import annotations

import pytest

from reflect.store import cipher, keychain
from tests.cli_runner import Reflect
from tests.encryption.conftest import PASSPHRASE

keyring = pytest.importorskip("keyring", reason="the keyring package is not installed")
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict: the real package's interface, without this computer's keyring."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    saved = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(saved)


@pytest.fixture
def reflect(tmp_path):
    run = Reflect(tmp_path)
    run.ok("add", "Zanzibarcanary at the till")
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    run.secret_env = {"REFLECT_PASSPHRASE_FILE": str(secret)}
    run.ok("encrypt", env=run.secret_env)
    return run


def test_unlock_remembers_the_key_and_lock_forgets_it(reflect, memory_keyring):
    assert reflect("list").returncode == 2  # nothing remembered yet, no terminal
    reflect.ok("unlock", env=reflect.secret_env)
    [(service, _)] = memory_keyring.items
    assert service == keychain.SERVICE
    # The key, never the passphrase, is what the keyring holds.
    assert PASSPHRASE not in str(memory_keyring.items)
    assert "Zanzibarcanary" in reflect.ok("list")  # no passphrase source, no terminal: the keyring
    assert "Forgot the key" in reflect.ok("lock")
    assert memory_keyring.items == {}
    assert reflect("list").returncode == 2


def test_a_new_passphrase_drops_the_old_key(reflect, memory_keyring, tmp_path):
    reflect.ok("unlock", env=reflect.secret_env)
    new = tmp_path / "new"
    new.write_text("second passphrase\n")
    reflect.ok("passphrase", env=reflect.secret_env | {"REFLECT_NEW_PASSPHRASE_FILE": str(new)})
    assert memory_keyring.items == {}
    assert reflect("list").returncode == 2


def test_a_stale_key_in_the_keyring_falls_back_to_asking(reflect, memory_keyring):
    salt = cipher.file_salt(reflect.db)
    memory_keyring.set_password(keychain.SERVICE, salt.hex(), "00" * 32)
    result = reflect("list")
    assert result.returncode == 2 and "no terminal" in result.stderr
    assert "Zanzibarcanary" in reflect.ok("list", env=reflect.secret_env)


def test_the_app_skips_the_dialog_when_the_key_is_remembered(reflect, memory_keyring):
    reflect.ok("unlock", env=reflect.secret_env)
    cipher.forget_keys()
    assert cipher.remembered(reflect.db)
    reflect.ok("lock")
    assert not cipher.remembered(reflect.db)
