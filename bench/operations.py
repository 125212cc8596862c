"""What is measured: one row per operation, for reflect and (where it has one) jrnl.

To measure a new command, add an :class:`Operation` to :data:`OPERATIONS`. A row whose reflect
command does not exist yet (``python -m reflect COMMAND --help`` fails) is skipped with a note,
so rows can be written before their command lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bench.journals import Journals

#: The common word searched for (in nearly every generated entry) and the meta-skill filtered on.
COMMON_WORD = "customer"
SKILL = "focus"


@dataclass(frozen=True)
class RunContext:
    """What argument builders need: the data set and a scratch folder for outputs."""

    journals: Journals
    work: Path  # scratch folder: exports, fresh journals for imports
    jrnl_config: Path | None = None

    @property
    def db(self) -> str:
        return str(self.journals.reflect_db)

    @property
    def fresh_db(self) -> Path:
        return self.work / "imported.db"


def _fresh_journal(ctx: RunContext) -> None:
    """Before each import run: no journal yet, as for a person importing for the first time."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ctx.fresh_db}{suffix}").unlink(missing_ok=True)


Args = Callable[[RunContext], list[str]]


@dataclass(frozen=True)
class Operation:
    """One command measured as a whole process, with its jrnl equivalent if there is one."""

    key: str
    label: str
    kind: str  # "read" (the 150 ms / 30x targets), "export", "import" or "start-up"
    reflect: Args  # arguments after `python -m reflect`
    #: Arguments whose `--help` proves the command exists (None: always there).
    probe: tuple[str, ...] | None = None
    jrnl: Args | None = None
    jrnl_label: str = ""
    setup: Callable[[RunContext], None] | None = None


OPERATIONS: tuple[Operation, ...] = (
    Operation("version", "--version", "start-up", lambda c: ["--version"],
              jrnl=lambda c: ["--version"], jrnl_label="--version"),
    Operation("list", "list -n 10", "read", lambda c: ["--db", c.db, "list", "-n", "10"], probe=("list",),
              jrnl=lambda c: ["-n", "10"], jrnl_label="-n 10"),
    Operation("search", f"search {COMMON_WORD} -n 10", "read",
              lambda c: ["--db", c.db, "search", COMMON_WORD, "-n", "10"], probe=("search",),
              jrnl=lambda c: ["-contains", COMMON_WORD, "-n", "10"], jrnl_label=f"-contains {COMMON_WORD} -n 10"),
    Operation("filter", f"list --skill {SKILL} -n 10", "read",
              lambda c: ["--db", c.db, "list", "--skill", SKILL, "-n", "10"], probe=("list",),
              jrnl=lambda c: [f"@{SKILL}", "-n", "10"], jrnl_label=f"@{SKILL} -n 10"),
    Operation("show", "show ID", "read", lambda c: ["--db", c.db, "show", str(c.journals.sample_id)],
              probe=("show",), jrnl=lambda c: ["-on", c.journals.sample_day], jrnl_label="-on DAY"),
    # --- commands being built alongside the benchmark (skipped until they exist) ------------
    Operation("gaps", "gaps", "read", lambda c: ["--db", c.db, "gaps"], probe=("gaps",)),
    Operation("stats", "stats", "read", lambda c: ["--db", c.db, "stats"], probe=("stats",),
              jrnl=lambda c: ["--tags"], jrnl_label="--tags"),
    Operation("export", "export Markdown (all)", "export",
              lambda c: ["--db", c.db, "export", "--format", "markdown", "--output", str(c.work / "export.md")],
              probe=("export",), jrnl=lambda c: ["--export", "markdown"], jrnl_label="--export markdown"),
    Operation("review-pack", "review pack export", "export",
              lambda c: ["--db", c.db, "review", "pack", "--output", str(c.work / "review-pack.md")],
              probe=("review", "pack")),
    Operation("import-jrnl", "import jrnl file", "import",
              lambda c: ["--db", str(c.fresh_db), "import", "jrnl", str(c.journals.jrnl_txt)],
              probe=("import",), setup=_fresh_journal),
)
