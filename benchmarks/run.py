"""Benchmarks for voorveld: start-up against its floor, and scale on synthetic corpora.

    python benchmarks/run.py                       # cold start + 1k and 10k (about 5 minutes)
    python benchmarks/run.py --sizes 1000,10000,100000
    python benchmarks/run.py --quick               # cold start + 1k, few runs (a smoke test)

Writes the figures to BENCHMARKS.md (or --out). Whole-process timings alternate
the commands being compared and report medians, so drift on a busy machine hits
both sides alike. Peak memory sums the resident memory of the process tree
(the parallel index writer runs extra processes), sampled from /proc every 20 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from benchmarks.synthetic import generate  # noqa: E402

PYTHON = sys.executable
VOORVELD = [PYTHON, "-m", "voorveld_cli"]
QUERIES = [
    "mantelzorg",
    "eenzaamheid ouderen",
    "wijkteam",
    "dagbesteding",
    "vrijwilligers",
    "schulden",
    "participatiewet",
    "buurthuis koffie",
    "jongeren werk",
    "respijtzorg",
    "clienten",
    "sociale basis",
]


# -- measuring -------------------------------------------------------------------


def user_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell. Some sandboxes set PYTHONDONTWRITEBYTECODE,
    which makes every run compile voorveld's modules from source (about 100 ms here)
    while Whoosh, installed by pip, has its bytecode: that would time the sandbox,
    not voorveld. The warm-up run writes the bytecode, as a user's first run does."""
    env = {**os.environ, **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: list[str], env: dict, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def alternate(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, list[float]]:
    """Run the commands in turn, `runs` rounds, after one warm-up round."""
    for cmd in commands.values():
        timed(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(timed(cmd, env))
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_with_peak(cmd: list[str], env: dict) -> tuple[float, int]:
    """(wall seconds, peak resident bytes of the process tree)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {err.decode()[-500:]}")
    return time.perf_counter() - start, peak


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def current_index(cache: Path) -> Path:
    [home] = [p for p in cache.iterdir() if p.is_dir()]
    return home / (home / "CURRENT").read_text().strip()


def loaded(args: list[str], env: dict) -> list[str]:
    """Which heavy libraries a command imports."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nHEAVY ' + ' '.join(m for m in "
        "('whoosh', 'typer', 'rich', 'yaml', 'frontmatter') if m in sys.modules) + '\\n'))\n"
        f"sys.argv = ['voorveld', *{args!r}]\n"
        "from voorveld_cli.cli.entry import main\nmain()\n"
    )
    proc = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True)
    line = next((ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY")), "HEAVY")
    return line.split()[1:]


# -- the two parts ---------------------------------------------------------------


def cold_start(work: Path, runs: int) -> list[str]:
    env = user_env(VOORVELD_CACHE=str(work / "cache-real"))
    content = REPO / "content"
    subprocess.run(
        [*VOORVELD, "index", "--rebuild", "--content-dir", str(content)],
        env=env,
        check=True,
        capture_output=True,
    )
    folder = current_index(work / "cache-real")
    search = [*VOORVELD, "search", "mantelzorg", "--format", "json", "--content-dir", str(content)]
    times = alternate(
        {
            "search": search,
            "floor": [PYTHON, str(REPO / "benchmarks" / "floor.py"), str(folder), "mantelzorg", "minimal"],
            "same": [PYTHON, str(REPO / "benchmarks" / "floor.py"), str(folder), "mantelzorg", "same"],
            "help": [*VOORVELD, "--help"],
            "list": [*VOORVELD, "list", "--format", "json", "--content-dir", str(content)],
            "check": [*VOORVELD, "check", "--content-dir", str(content)],
            "python": [PYTHON, "-c", "pass"],
        },
        env,
        runs,
    )
    med = {name: statistics.median(values) for name, values in times.items()}
    files = sum(1 for _ in content.glob("*/*.md"))
    lines = [
        "## Cold start (the shipped corpus)",
        "",
        f"{files} files. Each command run {runs} times, alternating, after a warm-up; medians.",
        "",
        "| command | median | vs floor | heavy modules loaded |",
        "| --- | --- | --- | --- |",
        f"| `voorveld search mantelzorg --format json` | {ms(med['search'])} | "
        f"{med['search'] / med['floor']:.2f}x minimal, {med['search'] / med['same']:.2f}x same work | "
        f"{', '.join(loaded(search[3:], env))} |",
        f"| floor, minimal: Whoosh open, parse, search, top 10 | {ms(med['floor'])} | 1.00x | whoosh |",
        f"| floor, same Whoosh work (+ facets, snippets) | {ms(med['same'])} | "
        f"{med['same'] / med['floor']:.2f}x | whoosh |",
        f"| `voorveld --help` | {ms(med['help'])} | {med['help'] / med['python']:.1f}x python | "
        f"{', '.join(loaded(['--help'], env))} |",
        f"| `voorveld list --format json` | {ms(med['list'])} | {med['list'] / med['python']:.1f}x python | "
        f"{', '.join(loaded(['list', '--format', 'json', '--content-dir', str(content)], env))} |",
        f"| `voorveld check` | {ms(med['check'])} | {med['check'] / med['python']:.1f}x python | "
        f"{', '.join(loaded(['check', '--content-dir', str(content)], env))} |",
        f"| `python -c pass` | {ms(med['python'])} | 1.00x python | |",
        "",
    ]
    return lines


def scale(work: Path, size: int, runs: int, naive: bool) -> dict:
    corpus_dir = work / f"corpus-{size}"
    if not (corpus_dir / "content").exists():
        generate(corpus_dir, size, seed=size)
    content = corpus_dir / "content"
    cache = work / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    env = user_env(VOORVELD_CACHE=str(cache))
    row: dict = {"size": size, "bytes": folder_size(content)}

    row["index_s"], row["index_peak"] = run_with_peak(
        [*VOORVELD, "index", "--rebuild", "--content-dir", str(content)], env
    )
    row["index_bytes"] = folder_size(current_index(cache))
    if naive:
        out = work / f"naive-{size}"
        shutil.rmtree(out, ignore_errors=True)
        row["naive_s"], _ = run_with_peak(
            [PYTHON, str(REPO / "benchmarks" / "naive_index.py"), str(content), str(out)], env
        )
        shutil.rmtree(out, ignore_errors=True)

    # in-process query latency, index already open
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from voorveld_cli import search as index\n"
        "from voorveld_cli.filters import Filters\n"
        f"root = Path({str(content)!r})\n"
        "vocab, _ = index.current_vocabulary(root)\n"
        "ix, _ = index.open_index(root, vocab)\n"
        f"queries = {QUERIES!r}\n"
        "times = []\n"
        "for _ in range(3):\n"
        "    for q in queries:\n"
        "        t = time.perf_counter(); index.search(ix, root, q, Filters(), 10); times.append(time.perf_counter() - t)\n"
        "print(json.dumps(times))\n"
    )
    import json

    inproc = json.loads(
        subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    )
    row["q_in_p50"], row["q_in_p95"] = pct(inproc, 0.5), pct(inproc, 0.95)

    whole = []
    for i in range(runs):
        q = QUERIES[i % len(QUERIES)]
        whole.append(timed([*VOORVELD, "search", q, "--format", "json", "--content-dir", str(content)], env))
    row["q_whole_p50"], row["q_whole_p95"] = pct(whole, 0.5), pct(whole, 0.95)

    # one file changed before each search: the refresh must stat, not re-read, the rest
    target = next((content / "initiatives").glob("*.md"))
    unchanged, changed = [], []
    search = [*VOORVELD, "search", "mantelzorg", "--format", "json", "--content-dir", str(content)]
    for _ in range(runs):
        unchanged.append(timed(search, env))
        os.utime(target)
        changed.append(timed(search, env))
    row["unchanged_p50"], row["changed_p50"] = statistics.median(unchanged), statistics.median(changed)
    return row


def scale_lines(rows: list[dict]) -> list[str]:
    out = [
        "## Scale (synthetic corpora)",
        "",
        "Generated by `benchmarks/synthetic.py`: valid entries (70% initiatives, 10% cases, 20% terms), "
        "Dutch text of 300-700 words each.",
        "",
        "| files | corpus | full index | files/s | naive loop | speed-up | index size | peak memory "
        "| query p50 / p95 (in-process) | query p50 / p95 (whole process) | search, unchanged | "
        "search, one file changed | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        naive = f"{r['naive_s']:.1f} s" if "naive_s" in r else "not run"
        speed = f"{r['naive_s'] / r['index_s']:.2f}x" if "naive_s" in r else ""
        out.append(
            f"| {r['size']:,} | {r['bytes'] / 1e6:.0f} MB | {r['index_s']:.1f} s | {r['size'] / r['index_s']:.0f} "
            f"| {naive} | {speed} | {r['index_bytes'] / 1e6:.0f} MB | {r['index_peak'] / 1e6:.0f} MB "
            f"| {ms(r['q_in_p50'])} / {ms(r['q_in_p95'])} | {ms(r['q_whole_p50'])} / {ms(r['q_whole_p95'])} "
            f"| {ms(r['unchanged_p50'])} | {ms(r['changed_p50'])} | {r['changed_p50'] / r['unchanged_p50']:.2f}x |"
        )
    return [*out, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=21, help="whole-process runs per command")
    parser.add_argument(
        "--naive-up-to", type=int, default=10000, help="largest size to time the naive loop on"
    )
    parser.add_argument("--out", default=str(REPO / "BENCHMARKS.md"))
    parser.add_argument("--work", default=None, help="keep corpora and indexes here (default: a temp dir)")
    parser.add_argument("--quick", action="store_true", help="1k only, 5 runs")
    args = parser.parse_args()
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 5 if args.quick else args.runs
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="voorveld-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    lines = [
        "# Benchmarks",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} with `python benchmarks/run.py "
        f"{'--quick' if args.quick else '--sizes ' + args.sizes}` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}. Re-run that command to refresh this file.",
        "",
    ]
    lines += cold_start(work, runs)
    rows = []
    for size in sizes:
        print(f"scale {size} ...", file=sys.stderr)
        rows.append(scale(work, size, max(5, runs // 2), naive=size <= args.naive_up_to))
    lines += scale_lines(rows)
    # Search quality on the shipped corpus: not a speed figure, but measured the same way.
    from benchmarks.relevance import report

    lines += ["## Search quality (shipped corpus)", "", report(), ""]
    notes = REPO / "benchmarks" / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip(), ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
