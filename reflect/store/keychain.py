"""Keeping an encrypted journal's key in the system keyring, when the person asks for it.

Only the derived key is kept, never the passphrase, filed under the journal's salt (which a new
passphrase changes, so a stale key never unlocks the wrong file). The ``keyring`` package and a
working backend (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) are both
optional: without them nothing is remembered and the passphrase is asked as usual.
"""

from __future__ import annotations

from reflect.errors import ReflectError

#: The keyring service name reflect's keys are filed under.
SERVICE = "reflect"


def _keyring():
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def recall(salt: bytes) -> bytes | None:
    """The key remembered for the journal with ``salt``, if any (never raises)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, salt.hex())
        return bytes.fromhex(value) if value else None
    except Exception:  # no backend, a locked keyring, a mangled value: just ask instead
        return None


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


def forget(salt: bytes) -> bool:
    """Remove the key remembered for ``salt``; whether there was one (never raises)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if keyring.get_password(SERVICE, salt.hex()) is None:
            return False
        keyring.delete_password(SERVICE, salt.hex())
        return True
    except Exception:
        return False
