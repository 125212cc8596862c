"""``python -m bench.coach``: how well the reflection coach suggests criteria, and how fast.

Reads the labelled reflections in ``tests/data/coach_labelled.json`` (written from the
framework, with the criteria and meta-skills an assessor would map) and the personal-data
table in ``tests/data/personal_data.json``, and prints:

* recall at 5 and at 10: the share of reflections with at least one right criterion (or
  meta-skill) among the first 5 or 10 suggested;
* the time to suggest for a 300-word reflection, index built (warm) and first call (cold);
* precision and recall of the personal-data finder over its table, per kind.

``--markdown`` prints the same as Markdown for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "coach_labelled.json"
PERSONAL = ROOT / "tests" / "data" / "personal_data.json"
#: Written after the finder was built, and first measured untouched (see bench/RESULTS.md).
PERSONAL_UNSEEN = ROOT / "tests" / "data" / "personal_data_unseen.json"


def load_labelled() -> list[dict]:
    """The labelled reflections."""
    return json.loads(LABELLED.read_text(encoding="utf-8"))["reflections"]


def recall(framework, reflections: list[dict], k: int, kind: str = "criteria") -> float:
    """Share of ``reflections`` with a right ``kind`` (criteria or skills) in the first ``k``."""
    from reflect.coach.suggest import suggest

    hits = 0
    for item in reflections:
        found = suggest(item["text"], framework, limit=k)
        ranked = found.criteria if kind == "criteria" else found.skills
        if {s.id for s in ranked[:k]} & set(item[kind]):
            hits += 1
    return hits / len(reflections)


def reflection_of(words: int, reflections: list[dict]) -> str:
    """A reflection of about ``words`` words, made of labelled ones end to end."""
    out: list[str] = []
    for item in reflections * 10:
        out += item["text"].split()
        if len(out) >= words:
            break
    return " ".join(out[:words])


def timing(framework, text: str, runs: int = 50) -> dict:
    """Cold (first call, index built) and warm (median of ``runs``) times in ms."""
    from reflect.coach import suggest as module

    module._CACHE.clear()
    start = time.perf_counter()
    module.suggest(text, framework)
    cold = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        module.suggest(text, framework)
        times.append((time.perf_counter() - start) * 1000)
    return {"cold_ms": cold, "warm_ms": statistics.median(times), "max_ms": max(times)}


def scan_timing(reflections: list[dict], rounds: int = 100) -> dict:
    """Microseconds per reflection to find personal data, and to mask card numbers (what
    every export does to every entry)."""
    from reflect.coach.personal_data import find_personal_data, mask_cards

    texts = [item["text"] for item in reflections] * rounds
    start = time.perf_counter()
    for text in texts:
        find_personal_data(text)
    find = (time.perf_counter() - start) / len(texts) * 1e6
    start = time.perf_counter()
    for text in texts:
        mask_cards(text)
    mask = (time.perf_counter() - start) / len(texts) * 1e6
    return {"find_us": find, "mask_us": mask}


def personal_data_scores(path: Path = PERSONAL) -> dict[str, dict]:
    """Per kind and overall: true positives, false positives, false negatives, precision, recall.

    A finding counts as right when its kind and text match an expected one.
    """
    from reflect.coach.personal_data import find_personal_data

    table = json.loads(path.read_text(encoding="utf-8"))["cases"]
    counts: dict[str, list[int]] = {}
    for case in table:
        expected = {(k, t) for k, t in case["expected"]}
        found = {(f.kind, f.text) for f in find_personal_data(case["text"])}
        for kind, _ in expected | found:
            counts.setdefault(kind, [0, 0, 0])
        for item in found & expected:
            counts[item[0]][0] += 1
        for item in found - expected:
            counts[item[0]][1] += 1
        for item in expected - found:
            counts[item[0]][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    scores = {kind: _score(*c) for kind, c in sorted(counts.items())}
    scores["all"] = _score(*total)
    scores["all"]["cases"] = len(table)
    scores["all"]["negatives"] = sum(1 for case in table if not case["expected"])
    return scores


def _score(tp: int, fp: int, fn: int) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def main(argv: list[str] | None = None) -> int:
    from reflect.framework.standards import load_framework

    p = argparse.ArgumentParser(prog="python -m bench.coach", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--markdown", action="store_true", help="print Markdown for bench/RESULTS.md")
    args = p.parse_args(argv)
    framework = load_framework()
    reflections = load_labelled()
    rows = [(kind, k, recall(framework, reflections, k, kind)) for kind in ("criteria", "skills") for k in (1, 3, 5, 10)]
    text = reflection_of(300, reflections)
    speed = timing(framework, text)
    tables = {"table": personal_data_scores(), "second table": personal_data_scores(PERSONAL_UNSEEN)}
    scan = scan_timing(reflections)
    if args.markdown:
        print(f"Labelled reflections: {len(reflections)}; criteria in the framework: "
              f"{sum(len(u.criteria) for u in framework.units)}; meta-skills: {len(framework.meta_skills)}.\n")
        print("| suggested | top 1 | top 3 | top 5 | top 10 |\n|---|---|---|---|---|")
        for kind in ("criteria", "skills"):
            cells = " | ".join(f"{r:.0%}" for kk, _, r in rows if kk == kind)
            print(f"| {'criterion' if kind == 'criteria' else 'meta-skill'} | {cells} |")
        print(f"\nSuggestions for a 300-word reflection: {speed['warm_ms']:.1f} ms (median of 50, index built; "
              f"slowest {speed['max_ms']:.1f} ms); the first call, which builds the index: {speed['cold_ms']:.0f} ms.\n")
        print(f"Personal data: {scan['find_us']:.0f} µs to check a reflection (so about "
              f"{scan['find_us'] / 10:.1f} s for 100,000, as `check --all` or an export's listing does); masking "
              f"card numbers, done to every exported entry: {scan['mask_us']:.1f} µs each.\n")
        for name, scores in tables.items():
            print(f"| personal data ({name}) | found right | false alarms | missed | precision | recall |\n"
                  "|---|---|---|---|---|---|")
            for kind, s in scores.items():
                print(f"| {kind} | {s['tp']} | {s['fp']} | {s['fn']} | {s['precision']:.0%} | {s['recall']:.0%} |")
            print(f"\n{scores['all']['cases']} texts, {scores['all']['negatives']} of them with no personal data "
                  "(prices, times, event dates, product codes, brands).\n")
        return 0
    for kind, k, r in rows:
        print(f"{kind:8} recall@{k:<2} {r:.0%}")
    print(f"personal data: {scan['find_us']:.0f} us to find, {scan['mask_us']:.1f} us to mask cards per reflection")
    print(f"300 words: warm {speed['warm_ms']:.1f} ms (max {speed['max_ms']:.1f}), cold {speed['cold_ms']:.0f} ms")
    for name, scores in tables.items():
        print(name)
        for kind, s in scores.items():
            print(f"  {kind:10} precision {s['precision']:.0%} recall {s['recall']:.0%} "
                  f"({s['tp']} right / {s['fp']} false alarms / {s['fn']} missed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
