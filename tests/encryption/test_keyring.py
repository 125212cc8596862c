"""`reflect unlock` keeps the derived key in the keyring; `reflect lock` forgets it."""

from __future__ import annotations

import pytest

from reflect.store import cipher, keychain
from tests.cli_runner import Reflect
from tests.encryption.conftest import PASSPHRASE

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")

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


def test_only_a_remembered_key_is_kept_for_the_session(reflect, memory_keyring, session_keys):
    reflect.ok("list", env=reflect.secret_env)  # a passphrase typed or read: kept by nobody
    assert session_keys == {}
    reflect.ok("unlock", env=reflect.secret_env)
    salt = cipher.file_salt(reflect.db)
    assert session_keys == {f"reflect:{salt.hex()}": bytes.fromhex(memory_keyring.items[("reflect", salt.hex())])}
    memory_keyring.items.clear()  # the session's copy alone now opens it
    assert "Zanzibarcanary" in reflect.ok("list")
    reflect.ok("lock")
    assert session_keys == {}
    assert reflect("list").returncode == 2


def test_a_stale_session_key_is_dropped_and_the_passphrase_asked(reflect, memory_keyring, session_keys):
    salt = cipher.file_salt(reflect.db)
    session_keys[f"reflect:{salt.hex()}"] = b"\0" * 32
    result = reflect("list")
    assert result.returncode == 2 and "no terminal" in result.stderr
    assert session_keys == {}


def test_a_command_after_unlock_reads_the_key_without_the_keyring_package(reflect, tmp_path):
    """The speed of encrypted reads: in a real process, the kernel's keyring answers (Linux)."""
    import subprocess
    import sys

    from tests.cli_runner import ROOT

    env = reflect.env | {"PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "bench.file_keyring.Keyring",
                         "BENCH_KEYRING_FILE": str(tmp_path / "keyring.json")}
    probe = ("import sys; from reflect import system; "
             "ok = system.keep_session_key('reflect:probe', b'x', 5) and system.drop_session_key('reflect:probe'); "
             "print(ok)")
    if subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True).stdout.strip() != "True":
        pytest.skip("no kernel keyring here (not Linux, or a sandbox forbids it)")
    reflect.ok("unlock", env=reflect.secret_env | env, process=True)
    try:
        code = ("import sys; from reflect.cli import main; status = main(['list']); "
                "print('keyring loaded' if 'keyring' in sys.modules else 'keyring not loaded', status)")
        listed = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
        assert "Zanzibarcanary" in listed.stdout and "keyring not loaded 0" in listed.stdout, listed.stderr
    finally:
        reflect.ok("lock", env=env, process=True)
    listed = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert "Zanzibarcanary" not in listed.stdout  # locked again: the session's copy went too
