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
    def scratch_db(self) -> Path:
        return self.work / "imported.db"


def _scratch_journal(ctx: RunContext) -> None:
    """Before each import run: no journal yet, as for a person moving from jrnl to reflect.

    Every run starts from the same place, so runs do not accumulate entries.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ctx.scratch_db}{suffix}").unlink(missing_ok=True)


Args = Callable[[RunContext], list[str]]


@dataclass(frozen=True)
class Operation:
    """One command measured as a whole process, with its jrnl equivalent if there is one."""

    key: str
    label: str
    #: "read" (held to the 150 ms and 30x jrnl targets), "report" (a read with no target of
    #: its own), "export" (the key "export" is held to 1.5 s and 80 MiB), "import", "start-up".
    kind: str
    reflect: Args  # arguments after `python -m reflect`
    #: Arguments whose `--help` proves the command exists (None: always there).
    probe: tuple[str, ...] | None = None
    jrnl: Args | None = None
    jrnl_label: str = ""
    setup: Callable[[RunContext], None] | None = None
    #: At most this many timed runs (slow commands), and give up after this many seconds;
    #: a command given up on is not tried again on bigger journals.
    max_runs: int | None = None
    limit: float = 600.0
    note: str = ""  # shown under the tables when the row needs explaining


def _db(*args: str) -> Args:
    return lambda c: ["--db", c.db, *args]


OPERATIONS: tuple[Operation, ...] = (
    Operation("version", "--version", "start-up", lambda c: ["--version"],
              jrnl=lambda c: ["--version"], jrnl_label="--version"),
    Operation("list", "list -n 10", "read", _db("list", "-n", "10"), probe=("list",),
              jrnl=lambda c: ["-n", "10"], jrnl_label="-n 10"),
    Operation("search", f"search {COMMON_WORD} -n 10", "read", _db("search", COMMON_WORD, "-n", "10"),
              probe=("search",), jrnl=lambda c: ["-contains", COMMON_WORD, "-n", "10"],
              jrnl_label=f"-contains {COMMON_WORD} -n 10"),
    Operation("filter", f"list --skill {SKILL} -n 10", "read", _db("list", "--skill", SKILL, "-n", "10"),
              probe=("list",), jrnl=lambda c: [f"@{SKILL}", "-n", "10"], jrnl_label=f"@{SKILL} -n 10"),
    Operation("show", "show ID", "read", lambda c: ["--db", c.db, "show", str(c.journals.sample_id)],
              probe=("show",), jrnl=lambda c: ["-on", c.journals.sample_day], jrnl_label="-on DAY"),
    Operation("attachments", "attachments ID", "read",
              lambda c: ["--db", c.db, "attachments", str(c.journals.sample_id)], probe=("attachments",)),
    Operation("gaps", "gaps", "read", _db("gaps"), probe=("gaps",)),
    Operation("gaps-json", "gaps --json", "read", _db("gaps", "--json"), probe=("gaps",)),
    # jrnl has no statistics; counting its tags is the nearest thing it does.
    Operation("stats", "stats", "read", _db("stats"), probe=("stats",),
              jrnl=lambda c: ["--tags"], jrnl_label="--tags"),
    Operation("review-prepare", "review prepare", "report", _db("review", "prepare"), probe=("review", "prepare")),
    Operation("objectives", "objective list", "report", _db("objective", "list"), probe=("objective", "list")),
    # Everything, private entries too: what jrnl's export writes.
    Operation("export", "export Markdown (all)", "export",
              lambda c: ["--db", c.db, "export", "--include-private", "-o", str(c.work / "export.md"), "--force"],
              probe=("export",), jrnl=lambda c: ["--export", "markdown"], jrnl_label="--export markdown"),
    Operation("review-pack", "review pack export", "export",
              lambda c: ["--db", c.db, "review", "export", "-o", str(c.work / "review-pack.md"), "--force"],
              probe=("review", "export")),
    # The whole journal as one pack, Markdown and printable HTML: the HTML should cost about
    # what the Markdown does (it took eight times as long before plain text skipped markdown-it).
    Operation("review-pack-all", "review pack, whole journal (Markdown)", "export",
              lambda c: ["--db", c.db, "review", "export", "--from", "01/01/2000", "-o",
                         str(c.work / "review-pack-all.md"), "--force"], probe=("review", "export")),
    Operation("review-pack-all-html", "review pack, whole journal (HTML)", "export",
              lambda c: ["--db", c.db, "review", "export", "--html", "--from", "01/01/2000", "-o",
                         str(c.work / "review-pack-all.html"), "--force"], probe=("review", "export")),
    Operation("import-jrnl", "import --from jrnl (new journal)", "import",
              lambda c: ["--db", str(c.scratch_db), "import", "--from", "jrnl", str(c.journals.jrnl_txt)],
              probe=("import",), setup=_scratch_journal, max_runs=3, limit=120.0,
              note="into a new journal each run; every entry is written with its search index and "
                   "running totals, one transaction for the whole file"),
)
