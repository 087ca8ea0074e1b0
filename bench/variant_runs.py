"""What the damage and converter matrices share: a variant's files read by `rapportdata run
--full` and scored against gold, and the table of each variant's scores beside the reference's."""
from __future__ import annotations

import argparse
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from render_matrix import BIN, GOLD, TARGET, gold_scores


def scored_run(inputs: Path, out: Path, jobs: int) -> dict[str, float]:
    """score.py's overall per seed stem of `rapportdata run` over `inputs`."""
    done = subprocess.run([str(BIN / "rapportdata"), "run", "--input", str(inputs), "--output", str(out),
                           "--full", "--jobs", str(jobs)], capture_output=True, text=True, timeout=7200)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"rapportdata run over {inputs} failed ({done.returncode}): {done.stderr[-300:]}")
    return gold_scores(out)


def arguments(argv: list[str], doc: str, work: str, what: str, known: Sequence[str],
              bench: str) -> tuple[argparse.Namespace, list[str]]:
    """The bench's options (--work, --variants, --jobs) and the variants chosen, after checking
    the gold is there."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path(work), help=f"where the {what} and datasets go")
    parser.add_argument("--variants", help="only these variants, comma-separated")
    parser.add_argument("--jobs", type=int, default=2, help="the runs' --jobs (default 2)")
    args = parser.parse_args(argv)
    if not GOLD.is_dir():
        raise SystemExit(f"no gold labels at {GOLD}: the {bench} scores against ../shared/gold")
    names = args.variants.split(",") if args.variants else list(known)
    unknown = set(names) - set(known)
    if unknown:
        raise SystemExit(f"unknown variants {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    return args, names


def print_variants(work: Path, names: list[str], make: Callable[[str, Path], Sequence[str]],
                   stems: Sequence[str], reference: dict[str, float], label: str, jobs: int) -> None:
    """Each variant made into work/<name> by `make` (which returns the stems it made) and scored,
    a row of its scores and gaps to `reference` (the row `label`)."""
    print(f"{'variant':18} " + " ".join(f"{stem[:3]:>6} {'gap':>6}" for stem in stems) + "  worst gap")
    print(f"{label:18} " + " ".join(f"{reference.get(s, 0.0):6.3f} {'':6}" for s in stems))
    for name in names:
        folder = work / name
        folder.mkdir(parents=True, exist_ok=True)
        try:
            made = make(name, folder)
            scores = scored_run(folder, work / f"{name}.out", jobs)
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            print(f"{name:18} error: {error}")
            continue
        gaps = {s: scores[s] - reference[s] for s in made if s in scores}
        cells = " ".join(f"{scores[s]:6.3f} {gaps[s]:+6.3f}" if s in gaps else f"{'':6} {'':6}" for s in stems)
        worst = min(gaps.values(), default=0.0)
        print(f"{name:18} {cells}  {worst:+.3f}{' *' if worst < -TARGET else ''}", flush=True)
    print(f"* more than {TARGET} below {label}")
