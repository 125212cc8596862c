"""Commands that lock the journal: encrypt, decrypt and passphrase."""

from __future__ import annotations

import argparse

_RAW = argparse.RawDescriptionHelpFormatter

_PROTECTS = ("Encryption protects the journal file and its backups from anyone who copies them. "
             "It does not protect an unlocked journal on a running computer, and exports stay "
             "plain Markdown (they are for your mentor). A forgotten passphrase cannot be recovered: "
             "nobody, not even reflect, can read the journal without it.")


def register(sub, common) -> None:
    """Add encrypt, decrypt and passphrase to ``reflect``."""
    p = sub.add_parser("encrypt", parents=[common], formatter_class=_RAW,
                       help="lock the journal with a passphrase (needs reflect[encryption])",
                       description="Encrypt the whole journal with a passphrase. The journal is replaced only "
                                   "once the encrypted copy is complete and checked. Close the app first. "
                                   + _PROTECTS,
                       epilog="examples:\n  reflect encrypt\n  reflect encrypt --delete-plain-backups\n"
                              "  reflect encrypt --passphrase-fd 3 3< ~/.reflect-passphrase")
    p.add_argument("--delete-plain-backups", action="store_true",
                   help="also delete the unencrypted backups beside the journal (listed otherwise)")
    p.set_defaults(handler=cmd_encrypt)

    p = sub.add_parser("decrypt", parents=[common], formatter_class=_RAW,
                       help="turn an encrypted journal back into a plain one",
                       description="Decrypt the journal, so that it opens without a passphrase. "
                                   "Backups already taken stay encrypted. Close the app first.",
                       epilog="examples:\n  reflect decrypt")
    p.set_defaults(handler=cmd_decrypt)

    p = sub.add_parser("passphrase", parents=[common], formatter_class=_RAW,
                       help="change an encrypted journal's passphrase",
                       description="Re-encrypt the journal under a new passphrase. Backups taken before "
                                   "keep the old passphrase. Close the app first.",
                       epilog="examples:\n  reflect passphrase\n"
                              "  reflect passphrase --passphrase-fd 3 --new-passphrase-fd 4 3<old 4<new")
    p.add_argument("--new-passphrase-fd", metavar="N", type=int,
                   help="read the new passphrase from file descriptor N (or $REFLECT_NEW_PASSPHRASE_FILE)")
    p.set_defaults(handler=cmd_passphrase)

    p = sub.add_parser("unlock", parents=[common], formatter_class=_RAW,
                       help="remember an encrypted journal's key in this computer's keyring",
                       description="Check the passphrase, then keep the key derived from it (never the "
                                   "passphrase itself) in the system keyring, so commands and the app stop "
                                   "asking. Anyone who can use your logged-in account can then open the "
                                   "journal: `reflect lock` forgets the key.",
                       epilog="examples:\n  reflect unlock\n  reflect lock")
    p.set_defaults(handler=cmd_unlock)

    p = sub.add_parser("lock", parents=[common], formatter_class=_RAW,
                       help="forget the key `reflect unlock` kept in the keyring",
                       description="Remove this journal's key from the system keyring: the passphrase is "
                                   "asked again next time.",
                       epilog="examples:\n  reflect lock")
    p.set_defaults(handler=cmd_lock)


def _journal_path(ctx):
    from reflect.errors import JournalError

    path = ctx.journal_path
    if not path.exists():
        raise JournalError(f"No journal at {path}; nothing to do.")
    return path


def cmd_encrypt(ctx) -> int:
    from reflect.cli.passphrase import read_passphrase
    from reflect.errors import ReflectError
    from reflect.store import cipher, encryption

    cipher.dbapi()  # say how to install the extra before asking for anything
    path = _journal_path(ctx)
    if cipher.looks_encrypted(path):
        if not ctx.args.delete_plain_backups:
            raise ReflectError(f"the journal {path} is already encrypted; `reflect passphrase` changes "
                               "its passphrase")
    else:
        ctx.journal  # brings it up to the current version before it is converted
        ctx.close_journal()
        passphrase = read_passphrase(ctx.args, path, confirm=True)
        done = encryption.encrypt(path, passphrase)
        ctx.print(f"Encrypted {path} ({done.rows} rows checked). Keep the passphrase safe: "
                  "a forgotten one cannot be recovered.")
    plain = encryption.plain_backups(path)
    if plain and not ctx.args.delete_plain_backups:
        ctx.print(f"{len(plain)} older backup{'s are' if len(plain) != 1 else ' is'} not encrypted "
                  "(anyone who copies them can read them):")
        for backup in plain:
            ctx.print(f"  {backup}")
        if not _delete_now(ctx):
            ctx.print("`reflect encrypt --delete-plain-backups` deletes them.")
            return 0
    if plain:
        for backup in plain:
            backup.unlink(missing_ok=True)
        ctx.print(f"Deleted {len(plain)} unencrypted backup{'s' if len(plain) != 1 else ''}.")
    return 0


def _delete_now(ctx) -> bool:
    """On a terminal, offer to delete the unencrypted backups now (scripts get the option instead)."""
    import sys

    if not sys.stdin.isatty():
        return False
    try:
        answer = input("Delete them now? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_decrypt(ctx) -> int:
    from reflect.store import cipher, encryption

    cipher.dbapi()
    path = _journal_path(ctx)
    old_salt = _unlock(ctx, path)
    done = encryption.decrypt(path)
    _forget(old_salt)
    ctx.print(f"Decrypted {path} ({done.rows} rows checked): it opens without a passphrase now. "
              "Backups taken while it was encrypted stay encrypted.")
    return 0


def cmd_passphrase(ctx) -> int:
    from reflect.cli.passphrase import read_passphrase
    from reflect.store import cipher, encryption

    cipher.dbapi()
    path = _journal_path(ctx)
    old_salt = _unlock(ctx, path)
    new = read_passphrase(ctx.args, path, new=True, confirm=True)
    done = encryption.change_passphrase(path, new)
    _forget(old_salt)
    ctx.print(f"Changed the passphrase of {path} ({done.rows} rows checked). "
              "Backups taken before keep the old passphrase.")
    return 0


def _unlock(ctx, path) -> bytes:
    """Check the passphrase (and bring the journal up to date) before converting it; its salt."""
    from reflect.errors import ReflectError
    from reflect.store import cipher

    if not cipher.looks_encrypted(path):
        raise ReflectError(f"the journal {path} is not encrypted; nothing was changed")
    ctx.journal  # asks for the passphrase; a wrong one stops here with nothing changed
    ctx.close_journal()
    return cipher.file_salt(path)


def _forget(salt: bytes) -> None:
    # A key for the old file can never open the new one: it has no business in the keyring.
    from reflect.store import keychain

    keychain.forget(salt)


def cmd_unlock(ctx) -> int:
    from reflect.store import cipher, keychain

    cipher.dbapi()
    path = _journal_path(ctx)
    _unlock(ctx, path)
    known = cipher.known_key(path)
    assert known is not None  # _unlock has just made it known (or raised)
    key, salt = known
    keychain.remember(salt, key)
    ctx.print(f"The key for {path} is in this computer's keyring now; `reflect lock` forgets it.")
    return 0


def cmd_lock(ctx) -> int:
    from reflect.store import cipher, keychain

    path = _journal_path(ctx)
    if not cipher.looks_encrypted(path):
        ctx.print(f"The journal {path} is not encrypted: there is no key to forget.")
        return 0
    if keychain.forget(cipher.file_salt(path)):
        ctx.print(f"Forgot the key for {path}: its passphrase is asked again from now on.")
    else:
        ctx.print(f"No key for {path} was kept in the keyring.")
    return 0
