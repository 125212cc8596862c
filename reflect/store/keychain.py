"""Keeping an encrypted journal's key in the system keyring, when the person asks for it.

Only the derived key is kept, never the passphrase, filed under the journal's salt (which a new
passphrase changes, so a stale key never unlocks the wrong file). The ``keyring`` package and a
working backend (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) are both
optional: without them nothing is remembered and the passphrase is asked as usual.

Asking the keyring costs more than a whole read command (importing the ``keyring`` package
alone takes ~40 ms, a Secret Service backend more), so on Linux a key found there is also kept
in the kernel's keyring for this user, once it has opened the journal, for
:data:`SESSION_SECONDS` (kernel memory: never on
disk, never swapped; see :func:`reflect.system.session_key`), and the next commands read it
from there in microseconds. Only a key the person asked to remember is ever kept this way,
and ``reflect lock`` drops both.
"""

from __future__ import annotations

from reflect import system
from reflect.errors import ReflectError

#: The keyring service name reflect's keys are filed under.
SERVICE = "reflect"
#: How long a remembered key stays in the kernel's keyring after it was last fetched (a working day).
SESSION_SECONDS = 8 * 3600


def _session_name(salt: bytes) -> str:
    return f"{SERVICE}:{salt.hex()}"


def _keyring():
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def recall(salt: bytes) -> bytes | None:
    """The key remembered for the journal with ``salt``, if any (never raises)."""
    cached = system.session_key(_session_name(salt))
    if cached:
        return cached
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, salt.hex())
        key = bytes.fromhex(value) if value else None
    except Exception:  # no backend, a locked keyring, a mangled value: just ask instead
        return None
    return key


def proven(salt: bytes, key: bytes) -> None:
    """``key`` (from :func:`recall`) opened its journal: keep it for the session (Linux)."""
    system.keep_session_key(_session_name(salt), key, SESSION_SECONDS)


def disproven(salt: bytes) -> None:
    """The key :func:`recall` gave did not open its journal: never offer it from the session again."""
    system.drop_session_key(_session_name(salt))


def remember(salt: bytes, key: bytes) -> None:
    """Keep ``key`` in the keyring; :class:`ReflectError` if there is no usable one."""
    keyring = _keyring()
    if keyring is None:
        raise ReflectError("remembering the passphrase needs the keyring package: "
                           "pip install 'reflect[encryption]'")
    try:
        keyring.set_password(SERVICE, salt.hex(), key.hex())
    except Exception as error:
        raise ReflectError(f"this computer's keyring could not keep the key ({error}); "
                           "the passphrase will be asked each time") from None
    system.keep_session_key(_session_name(salt), key, SESSION_SECONDS)


def forget(salt: bytes) -> bool:
    """Remove the key remembered for ``salt``; whether there was one (never raises)."""
    cached = system.drop_session_key(_session_name(salt))
    keyring = _keyring()
    if keyring is None:
        return cached
    try:
        if keyring.get_password(SERVICE, salt.hex()) is None:
            return cached
        keyring.delete_password(SERVICE, salt.hex())
        return True
    except Exception:
        return cached
