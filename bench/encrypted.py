"""Plain and encrypted journals side by side: the same read commands on the same entries.

The generated journal is copied and encrypted once per data set (``reflect.store.encryption``,
cached beside it). Its key is put in a keyring with ``reflect unlock``, as a person who keeps it
there would, and each read command is then timed on the plain journal and straight after on
the encrypted one, so both meet the same load. One more row reads the passphrase from a file
instead, paying the key derivation (PBKDF2, 256,000 rounds) in every process.

The keyring is :mod:`bench.file_keyring` (a headless machine has no system keyring). On Linux
reflect keeps a key fetched from the keyring in the kernel's keyring for the session, so the
timed runs read it from there; one more row drops it before every run, so each asks the keyring
package again (what the first command of a session pays; a real keyring adds its own lookup,
a D-Bus call to the Secret Service or the Keychain, on top).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

from bench.operations import OPERATIONS, RunContext
from bench.timing import Timing, skipped, time_command

#: The read commands held to the read target, timed plain and encrypted.
READS = ("list", "search", "filter", "show", "gaps", "stats")
PASSPHRASE = "bench passphrase, not a secret"
BACKEND = "bench.file_keyring.Keyring"


def ensure_encrypted(plain: Path, log=print) -> Path:
    """An encrypted copy of the generated journal ``plain`` (made once, then reused)."""
    target = plain.with_name(plain.stem + "-encrypted.db")
    if target.exists():
        return target
    from reflect.store import encryption

    log(f"encrypting a copy of {plain.name} ...")
    work = plain.with_name(plain.stem + "-encrypting.db")
    shutil.copyfile(plain, work)
    encryption.encrypt(work, PASSPHRASE)
    work.rename(target)
    return target


def encrypted_env(env: dict, home: Path) -> dict:
    """``env`` with the benchmark's keyring chosen (and nothing else changed)."""
    from bench.file_keyring import FILE_VARIABLE

    return env | {"PYTHON_KEYRING_BACKEND": BACKEND, FILE_VARIABLE: str(home / "keyring.json")}


def measure_encrypted(ctx: RunContext, runs: int, env: dict, home: Path, cwd: Path, log=print) -> list[dict]:
    """One row per read command: plain and encrypted (key in the keyring), timed back to back."""
    from reflect import system
    from reflect.store import cipher

    if not cipher.available():
        return [{"key": "encrypted", "label": "encrypted journals", "note": cipher.MISSING_EXTRA}]
    encrypted = ensure_encrypted(ctx.journals.reflect_db, log)
    secret = home / "bench-passphrase"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    keyed = encrypted_env(env, home)
    _unlock(encrypted, secret, keyed, cwd)
    locked_ctx = dataclasses.replace(ctx, journals=dataclasses.replace(ctx.journals, reflect_db=encrypted))
    rows = []
    for op in OPERATIONS:
        if op.key not in READS:
            continue
        log(f"  {op.label}: plain, then encrypted ...")
        plain = _time(op.reflect(ctx), runs, env, cwd)
        locked = _time(op.reflect(locked_ctx), runs, keyed, cwd)
        rows.append({"key": op.key, "label": op.label, "plain": plain.to_json(), "encrypted": locked.to_json()})
    op = next(o for o in OPERATIONS if o.key == "list")
    log(f"  {op.label}: encrypted, the key not yet kept for the session ...")
    name = f"reflect:{cipher.file_salt(encrypted).hex()}"
    plain = _time(op.reflect(ctx), runs, env, cwd)
    first = _time(op.reflect(locked_ctx), runs, keyed, cwd, setup=lambda: system.drop_session_key(name))
    rows.append({"key": "list-keyring", "label": f"{op.label}, first of a session (the keyring package asked)",
                 "plain": plain.to_json(), "encrypted": first.to_json(), "judged": False})
    log(f"  {op.label}: encrypted, passphrase from a file ...")
    plain = _time(op.reflect(ctx), runs, env, cwd)
    # No keyring to ask and nothing kept for the session: the key is derived in every run.
    derived = _time(op.reflect(locked_ctx), runs, env | {"REFLECT_PASSPHRASE_FILE": str(secret)}, cwd,
                    setup=lambda: system.drop_session_key(name))
    rows.append({"key": "list-passphrase", "label": f"{op.label}, passphrase from a file (no keyring)",
                 "plain": plain.to_json(), "encrypted": derived.to_json(), "judged": False})
    _lock(encrypted, keyed, cwd)  # leave nothing in this machine's keyrings
    return rows


def _unlock(encrypted: Path, secret: Path, env: dict, cwd: Path) -> None:
    """Put the encrypted journal's key in the benchmark's keyring (`reflect unlock`)."""
    result = subprocess.run([sys.executable, "-m", "reflect", "--db", str(encrypted), "unlock"],
                            env=env | {"REFLECT_PASSPHRASE_FILE": str(secret)}, cwd=cwd,
                            capture_output=True, text=True, timeout=120)
    if result.returncode:
        raise RuntimeError(f"reflect unlock failed on {encrypted}: {result.stderr.strip()}")


def _lock(encrypted: Path, env: dict, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "reflect", "--db", str(encrypted), "lock"], env=env, cwd=cwd,
                   capture_output=True, timeout=120)


def _time(args: list[str], runs: int, env: dict, cwd: Path, setup=None) -> Timing:
    try:
        return time_command([sys.executable, "-m", "reflect", *args], runs=runs, env=env, cwd=cwd, setup=setup)
    except OSError as error:
        return skipped(f"failed: {error}")
