"""Giving an entry's text back from the lines an export holds for it, and getting it back
exactly when someone wrote in it after export.

A body whose text no longer matches its checksum is never rebuilt by guesswork: each
paragraph (and each single line) is tried as what was added, and the text counts as given
back only if taking it out gives the exact text reflect wrote (the checksum says so). The
reader (:mod:`reflect.importers.export_reader`) decides which lines to offer.
"""

from __future__ import annotations

from typing import Iterator

from reflect.export.body import BodyLayout, digest, restore_body


def restored(lines: list[tuple[int, str]], layout: BodyLayout) -> str:
    """The body written as ``lines`` (numbered), with the changes its marker lists undone."""
    text = "".join(line for _, line in lines)
    if lines:
        text = text[:-1]  # the newline written after every body
    return restore_body(text, layout)


def _added_blocks(lines: list[tuple[int, str]]) -> Iterator[set[int]]:
    """Line numbers of each paragraph (a run of non-blank lines, with the blank line after
    it), and of each single line: what a person most likely wrote into a text."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for number, line in lines:
        if line.strip():
            current.append(number)
        elif current:
            blocks.append(current + [number])
            current = []
    if current:
        blocks.append(current)
    for block in blocks:
        yield set(block)
        if len(block) > 2:
            for number in block:
                yield {number}


def without_added_text(lines: list[tuple[int, str]], layout: BodyLayout) -> tuple[str, tuple[int, ...]] | None:
    """The body as exported, given back by taking out of ``lines`` a paragraph or a line
    written into it after export, and the numbers of the lines taken out; None if no such
    guess gives back the exact text."""
    for added in _added_blocks(lines):
        kept = [item for item in lines if item[0] not in added]
        if len(kept) == layout.lines + 1 and not kept[-1][1].strip():
            kept.pop()
        if len(kept) == layout.lines and digest(body := restored(kept, layout)) == layout.sha256:
            return body, tuple(sorted(added))
    return None
