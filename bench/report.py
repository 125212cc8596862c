"""Tables from benchmark results: printed, and saved into RESULTS.md.

RESULTS.md keeps whatever people wrote around the generated part (the record of fixes with
their before/after numbers); only the text between the two markers is replaced.
"""

from __future__ import annotations

from pathlib import Path

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"

#: The targets of issue 8, for 100,000 entries on a 2-core machine (medians); smaller
#: journals are shown for the trend (jrnl cannot be 30 times slower on 1,000 entries).
TARGET_SIZE = "100000"
READ_MS = 150
READ_RATIO = 30
EXPORT_MS = 1500
EXPORT_MIB = 80
APP_MS = 1000
#: The app's first screen may take at most this many times a minimal Textual app's (issue 16).
APP_BASELINE_RATIO = 1.3
#: Switching between the app's main areas (issue 16).
AREA_MS = 100
KEYSTROKE_MS = 30


def _ms(data: dict | None) -> str:
    if not data:
        return "–"
    if "median_ms" not in data:
        return data.get("note") or "–"
    digits = 0 if data["median_ms"] >= 10 else 1
    text = f"{data['median_ms']:.{digits}f}"
    if len(data["runs_ms"]) > 1:
        text += f" ({data['min_ms']:.{digits}f}–{data['max_ms']:.{digits}f})"
    return text


def _cpu(data: dict | None) -> str:
    if not data or "cpu_median_ms" not in data:
        return "–"
    value = data["cpu_median_ms"]
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _mib(data: dict | None) -> str:
    return f"{data['peak_mib']:.0f}" if data and "peak_mib" in data else "–"


def _ratio(mine: dict, theirs: dict | None) -> str:
    if not theirs or "median_ms" not in mine or "median_ms" not in theirs:
        return "–"
    ratio = mine["median_ms"] / theirs["median_ms"]
    return f"{ratio:.3f} ({1 / ratio:.0f}× faster)" if ratio < 1 else f"{ratio:.2f} (slower)"


def command_verdict(row: dict) -> str:
    """✓ or ✗ against the row's targets; empty when there is no target or no number."""
    mine, theirs = row["reflect"], row.get("jrnl")
    if "median_ms" not in mine:
        return ""
    misses = []
    if row["kind"] == "read":
        if mine["median_ms"] >= READ_MS:
            misses.append(f"≥ {READ_MS} ms")
        if theirs and "median_ms" in theirs and theirs["median_ms"] / mine["median_ms"] < READ_RATIO:
            misses.append(f"< {READ_RATIO}× jrnl")
    elif row["key"] == "export":
        if mine["median_ms"] >= EXPORT_MS:
            misses.append(f"≥ {EXPORT_MS} ms")
        if mine.get("peak_mib", 0) >= EXPORT_MIB:
            misses.append(f"≥ {EXPORT_MIB} MiB")
    else:
        return ""
    return "✗ " + ", ".join(misses) if misses else "✓"


def size_tables(size: str, data: dict) -> list[str]:
    """The whole-command table for one journal size."""
    lines = [f"### {int(size):,} entries", "",
             "| operation | reflect ms, median (min–max) | CPU ms | MiB | jrnl command | jrnl ms, median (min–max) "
             "| MiB | reflect/jrnl | target |",
             "|---|---|---|---|---|---|---|---|---|"]
    judged = size == TARGET_SIZE
    for row in data["commands"]:
        theirs = row.get("jrnl")
        lines.append(f"| {row['label']} | {_ms(row['reflect'])} | {_cpu(row['reflect'])} | {_mib(row['reflect'])} | "
                     f"{row['jrnl_label'] or '–'} | {_ms(theirs) if row['jrnl_label'] else '–'} | {_mib(theirs)} | "
                     f"{_ratio(row['reflect'], theirs)} | {command_verdict(row) if judged else ''} |")
    app = data.get("app", {})
    verdict = "" if "median_ms" not in app or not judged else (
        "✓" if app["median_ms"] < APP_MS else f"✗ ≥ {APP_MS} ms")
    lines.append(f"| app: start to first screen with entries | {_ms(app)} | {_cpu(app)} | {_mib(app)} | – | – | – | – "
                 f"| {verdict} |")
    base = data.get("app_baseline", {})
    if "median_ms" in base:
        ratio = app.get("median_ms", 0) / base["median_ms"] if base["median_ms"] else 0
        mark = ("✓" if ratio <= APP_BASELINE_RATIO else f"✗ > {APP_BASELINE_RATIO}×") if judged and ratio else ""
        lines.append(f"| minimal Textual app (header, list, Markdown, footer), same start | {_ms(base)} | "
                     f"{_cpu(base)} | {_mib(base)} | – | – | – | app {ratio:.2f}× | {mark} |")
    areas = data.get("areas", {})
    if areas and "note" not in areas:
        for name, timing in areas.items():
            mark = ("✓" if timing["median_ms"] < AREA_MS else f"✗ ≥ {AREA_MS} ms") if judged else ""
            lines.append(f"| app: switch to {name} (F-key; in process, after the first visit) | "
                         f"{timing['median_ms']:.0f} ({min(timing['runs_ms'][1:] or timing['runs_ms']):.0f}–"
                         f"{timing['max_ms']:.0f}); first visit {timing['first_ms']:.0f} | "
                         f"{_cpu_ms(timing)} | – | – | – | – | – "
                         f"| {mark} |")
    elif areas:
        lines.append(f"| app: switching areas | {areas['note']} | – | – | – | – | – | – | |")
    browser = data.get("browser", {})
    lines.append(f"| `reflect serve`: start to first screen in a browser tab | {_ms(browser)} | – | – | – | – | – | – "
                 f"| |")
    return lines + [""]


def encrypted_table(results: dict) -> list[str]:
    """Plain and encrypted journals side by side (the key in a keyring), at every size."""
    sizes = [s for s, data in results["sizes"].items() if data.get("encrypted")]
    if not sizes:
        return []
    lines = ["### Plain and encrypted journals (whole processes, ms: median, then CPU median)", "",
             "The encrypted journal's key comes from a keyring (`reflect unlock`), so no process derives it; "
             "the last row reads the passphrase from a file instead and derives the key every time. Each "
             "command is timed on the plain journal and straight after on the encrypted one.", "",
             "| operation | " + " | ".join(f"{int(s):,} plain | {int(s):,} encrypted" for s in sizes)
             + f" | target < {READ_MS} ms |",
             "|---|" + "---|---|" * len(sizes) + "---|"]
    first = results["sizes"][sizes[0]]["encrypted"]
    for i, row in enumerate(first):
        if "plain" not in row:
            lines.append(f"| {row['label']} | {row.get('note', '')} |")
            continue
        cells = []
        for size in sizes:
            other = results["sizes"][size]["encrypted"][i]
            cells += [f"{_ms(other['plain'])}, CPU {_cpu(other['plain'])}",
                      f"{_ms(other['encrypted'])}, CPU {_cpu(other['encrypted'])}"]
        judged = results["sizes"].get(TARGET_SIZE, {}).get("encrypted", [])
        verdict = "(no target)" if not row.get("judged", True) else ""
        if not verdict and i < len(judged) and "median_ms" in judged[i].get("encrypted", {}):
            verdict = "✓" if judged[i]["encrypted"]["median_ms"] < READ_MS else f"✗ ≥ {READ_MS} ms"
        lines.append(f"| {row['label']} | " + " | ".join(cells) + f" | {verdict} |")
    return lines + [""]


def query_table(results: dict) -> list[str]:
    """In-process store queries: one column per size."""
    sizes = list(results["sizes"])
    lines = ["### Store queries in process (ms: median (min–max), then CPU median)", "",
             "| query | " + " | ".join(f"{int(s):,}" for s in sizes) + f" | target < {KEYSTROKE_MS} ms |",
             "|---|" + "---|" * len(sizes) + "---|"]
    first = results["sizes"][sizes[0]]["queries"]
    for i, query in enumerate(first):
        cells = [results["sizes"][s]["queries"][i] for s in sizes]
        judged = results["sizes"].get(TARGET_SIZE, {}).get("queries", [])
        verdict = "(no target)" if not query.get("keystroke", True) else ""
        if not verdict and i < len(judged) and "median_ms" in judged[i]:
            verdict = "✓" if judged[i]["median_ms"] < KEYSTROKE_MS else "✗"
        lines.append(f"| {query['label']} | " + " | ".join(f"{_ms(c)}, CPU {_cpu(c)}" for c in cells)
                     + f" | {verdict} |")
    return lines + [""]


def memory_table(results: dict) -> list[str]:
    """Peak memory of each reflect command at each size: does it grow with the journal?"""
    sizes = list(results["sizes"])
    lines = ["### reflect's peak memory by journal size (MiB)", "",
             "| operation | " + " | ".join(f"{int(s):,}" for s in sizes) + " |",
             "|---|" + "---|" * len(sizes)]
    for i, row in enumerate(results["sizes"][sizes[0]]["commands"]):
        cells = [_mib(results["sizes"][s]["commands"][i]["reflect"]) for s in sizes]
        lines.append(f"| {row['label']} | " + " | ".join(cells) + " |")
    return lines + [""]


def render(results: dict) -> str:
    """The generated part of RESULTS.md."""
    machine = results["machine"]
    settings = results["settings"]
    lines = ["## Latest run", "",
             f"Measured {machine['date']} on {machine['cpu']}, {machine['cores']} cores, {machine['memory']} RAM; "
             f"{machine['os']}; Python {machine['python']}, SQLite {machine['sqlite']}; "
             f"reflect {machine['reflect']}; jrnl {machine['jrnl']}. Load average {machine.get('load', '?')} "
             f"at the start, {machine.get('load_end', '?')} at the end (other work on the machine slows "
             "wall times; CPU ms, the command's user + system time, is steadier).", "",
             f"Whole processes, start to exit: one warm-up, then {settings['runs']} timed run(s); "
             f"jrnl runs stop at {settings['jrnl_limit_s']:g} s. Seed {settings['seed']}. "
             "reflect/jrnl is reflect's median over jrnl's (smaller is better for reflect). "
             "Targets are judged at 100,000 entries.", ""]
    for size, data in results["sizes"].items():
        lines += size_tables(size, data)
    first = next(iter(results["sizes"].values()), {"commands": []})
    notes = [f"- {row['label']}: {row['note']}." for row in first["commands"] if row.get("note")]
    if notes:
        lines += ["Notes on the rows:", "", *notes, ""]
    lines += encrypted_table(results)
    lines += query_table(results)
    lines += memory_table(results)
    return "\n".join(lines)


def save_results_md(path: Path, results: dict) -> None:
    """Replace the generated part of ``path`` (creating the file if needed), keep the rest."""
    generated = f"{START}\n{render(results)}\n{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            before, rest = text.split(START, 1)
            after = rest.split(END, 1)[1]
            text = before + generated + after
        else:
            text = text.rstrip("\n") + "\n\n" + generated + "\n"
    else:
        text = "# Benchmark results\n\n" + generated + "\n"
    path.write_text(text, encoding="utf-8")


def _cpu_ms(timing: dict) -> str:
    """An area switch's median CPU ms (results from before it was measured have none)."""
    cpu = timing.get("cpu_median_ms")
    return "–" if cpu is None else f"{cpu:.0f}"
