"""Benchmarks for voorveld: the four figures of issue 22 against their targets, start-up
against its floor, and scale on synthetic corpora.

    python benchmarks/run.py                       # figures + 1k and 10k (about 10 minutes)
    python benchmarks/run.py --sizes 1000,10000,100000
    python benchmarks/run.py --quick               # figures on 1k, few runs, no suite (a smoke test)

Writes the figures to BENCHMARKS.md (or --out). Whole-process timings alternate
the commands being compared and report medians, so drift on a busy machine hits
both sides alike: read the ratios, not the milliseconds. Peak memory is the
ru_maxrss of the child process (os.wait4), which covers the process and the
descendants it waited for.
"""

from __future__ import annotations

import argparse
import json
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
# The eight queries of the "10k vs shipped" figure (median over them).
EIGHT = [
    "mantelzorg",
    "eenzaamheid ouderen",
    "wijkteam",
    "dagbesteding",
    "vrijwilligers",
    "schulden",
    "participatiewet",
    "buurthuis koffie",
]
# Query types for p50/p95 at each size: (type, query, filters for the in-process run).
QUERY_TYPES = {
    "een woord, vaak": ["dagbesteding", "vrijwilligers", "mantelzorg", "wijkteam"],
    "een woord, zeldzaam": ["respijtzorg", "participatiewet", "schulden", "clienten"],
    "meer woorden": ["eenzaamheid ouderen", "buurthuis koffie", "jongeren werk", "sociale basis"],
    "frase": ['"sociale basis"', '"beschut werk"', '"samen koken"', '"informele zorg"'],
    "typfout": ["mantelzorgg", "vrijwiligers", "dagbestedng", "eenzamheid"],
    "met operator": [
        "mantelzorg AND NOT jongeren",
        "schulden OR armoede",
        "wijkteam AND ouderen",
        "koffie OR thee",
    ],
    "met filter": ["mantelzorg", "dagbesteding", "eenzaamheid ouderen", "schulden"],
}
FILTERED = {"kinds": ["initiative"], "themes": ["ontmoeting"]}
TARGETS = {"cold": 1.2, "first": 2.0, "scale": 1.5, "suite": 60.0, "build": 3.0, "memory": 1e9}


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
    """Wall seconds of one run; exit code 1 (nothing found) is a normal answer."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return took


def timed_cpu(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU seconds (user + sys, with the children it waited for) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode})")
    return took, usage.ru_utime + usage.ru_stime


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


def spread(values: list[float]) -> str:
    """The middle half of the runs, to show the noise next to a median."""
    return f"{ms(pct(values, 0.25))}-{ms(pct(values, 0.75))}"


def run_with_peak(cmd: list[str], env: dict) -> tuple[float, int, int]:
    """(wall seconds, ru_maxrss in bytes of the largest single process, and the peak of
    the whole process tree's resident memory summed, sampled every 50 ms: a parallel
    build's workers each hold their own memory, which ru_maxrss does not add up)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {err.decode()[-500:]}")
    return time.perf_counter() - start, usage.ru_maxrss * 1024, peak[0]


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in tree)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def current_index(cache: Path) -> Path:
    [home] = [p for p in cache.iterdir() if p.is_dir()]
    return home / (home / "CURRENT").read_text().strip()


def loaded(args: list[str], env: dict) -> list[str]:
    """Which heavy libraries a command imports (really: a deferred stand-in has no __file__)."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nHEAVY ' + ' '.join(m for m in "
        "('whoosh', 'whoosh.highlight', 'whoosh.lang.morph_en', 'typer', 'rich', 'yaml', 'frontmatter') "
        "if getattr(sys.modules.get(m), '__file__', None)) + '\\n'))\n"
        f"sys.argv = ['voorveld', *{args!r}]\n"
        "from voorveld_cli.cli.entry import main\nmain()\n"
    )
    proc = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True)
    line = next((ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY")), "HEAVY")
    return line.split()[1:]


def verdict(value: float, target: float, higher_is_better: bool = False) -> str:
    met = value >= target if higher_is_better else value <= target
    return "yes" if met else "**no**"


# -- the four figures of the issue ------------------------------------------------


def cold_start(work: Path, runs: int) -> tuple[dict, list[str]]:
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
        f"{files} files. Each command run {runs} times, alternating, after a warm-up; medians "
        "(middle half of the runs in brackets).",
        "",
        "| command | median | vs floor | heavy modules loaded |",
        "| --- | --- | --- | --- |",
        f"| `voorveld search mantelzorg --format json` | {ms(med['search'])} ({spread(times['search'])}) | "
        f"{med['search'] / med['floor']:.2f}x minimal, {med['search'] / med['same']:.2f}x same work | "
        f"{', '.join(loaded(search[3:], env))} |",
        f"| floor, minimal: Whoosh open, parse, search, top 10 | {ms(med['floor'])} ({spread(times['floor'])}) "
        "| 1.00x | whoosh, whoosh.highlight, whoosh.lang.morph_en |",
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
    return {"cold": med["search"] / med["floor"], "cold_ms": (med["search"], med["floor"])}, lines


def install_wheel(work: Path) -> Path:
    """Build the wheel as a user gets it and install it into its own folder."""
    out, site = work / "wheel", work / "site"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = out.glob("voorveld-*.whl")
    subprocess.run(
        [PYTHON, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    return site


def first_after_install(work: Path, runs: int) -> dict:
    """`voorveld search` from an installed wheel: with an empty cache, then once more."""
    site = install_wheel(work)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    cmd = [PYTHON, "-m", "voorveld_cli", "search", "mantelzorg", "--format", "json"]
    first, after = [], []
    for i in range(runs + 1):
        cache = work / f"cache-install-{i}"
        shutil.rmtree(cache, ignore_errors=True)
        env = user_env(PYTHONPATH=str(site), VOORVELD_CACHE=str(cache))
        env.pop("VOORVELD_CONTENT", None)
        a, b = timed(cmd, env, cwd=elsewhere), timed(cmd, env, cwd=elsewhere)
        shutil.rmtree(cache, ignore_errors=True)
        if i:  # the first round compiles the bytecode of the installed copy
            first.append(a)
            after.append(b)
    return {
        "first": statistics.median(first) / statistics.median(after),
        "first_ms": (statistics.median(first), statistics.median(after)),
        "first_spread": (spread(first), spread(after)),
    }


def scale_vs_shipped(work: Path, size: int, runs: int) -> dict:
    """Whole-process search at `size` entries vs on the shipped corpus, same queries, alternating."""
    content = corpus(work, size)
    env = user_env(VOORVELD_CACHE=str(work / "cache-figure"))
    real = REPO / "content"
    for root in (real, content):
        subprocess.run(
            [*VOORVELD, "index", "--content-dir", str(root)], env=env, check=True, capture_output=True
        )
    big, small, big_cpu, small_cpu = [], [], [], []
    for _ in range(runs):
        for q in EIGHT:
            for root, out, cpu in ((real, small, small_cpu), (content, big, big_cpu)):
                wall, used = timed_cpu(
                    [*VOORVELD, "search", q, "--format", "json", "--content-dir", str(root)], env
                )
                out.append(wall)
                cpu.append(used)
    return {
        "scale": statistics.median(big) / statistics.median(small),
        "scale_ms": (statistics.median(big), statistics.median(small)),
        "scale_cpu": statistics.median(big_cpu) / statistics.median(small_cpu),
        "scale_spread": (spread(big), spread(small)),
        "scale_size": size,
    }


def suite_time() -> dict:
    """The default `pytest` run, as the README gives it."""
    start = time.perf_counter()
    before = os.times()
    proc = subprocess.run(
        [PYTHON, "-m", "pytest", "-p", "no:cacheprovider"], cwd=REPO, capture_output=True, text=True
    )
    took = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    lines = proc.stdout.strip().splitlines() or [""]
    # the summary line ("712 passed, 1 skipped in 61.9s"), not xdist's last row of dots
    last = next((line for line in reversed(lines) if " passed" in line or " failed" in line), lines[-1])
    return {"suite": took, "suite_line": f"{last}; {cpu:.0f} s CPU"}


def figure_lines(f: dict, rows: list[dict]) -> list[str]:
    lines = [
        "## The four figures of issue 22",
        "",
        "| figure | measured | wanted | met? |",
        "| --- | --- | --- | --- |",
        f"| cold `voorveld search mantelzorg --format json` vs a bare Whoosh open-parse-search "
        f"| **{f['cold']:.2f}x** ({ms(f['cold_ms'][0])} vs {ms(f['cold_ms'][1])}) | ≤ 1.2x "
        f"| {verdict(f['cold'], TARGETS['cold'])} |",
    ]
    if "first" in f:
        lines.append(
            f"| first search after `pip install` (empty cache, bundled corpus) vs the next one "
            f"| **{f['first']:.2f}x** ({ms(f['first_ms'][0])} vs {ms(f['first_ms'][1])}) | ≤ 2x "
            f"| {verdict(f['first'], TARGETS['first'])} |"
        )
    if "scale" in f:
        lines.append(
            f"| search at {f['scale_size']:,} entries vs on the shipped corpus (median over 8 queries) "
            f"| **{f['scale']:.2f}x** ({ms(f['scale_ms'][0])} vs {ms(f['scale_ms'][1])}; CPU, the freshness "
            f"check's process included: {f['scale_cpu']:.2f}x) | ≤ 1.5x "
            f"| {verdict(f['scale'], TARGETS['scale'])} |"
        )
    if "suite" in f:
        lines.append(
            f"| `pytest` (default run) on this machine | **{f['suite']:.0f} s** ({f['suite_line']}) | ≤ 60 s "
            f"| {verdict(f['suite'], TARGETS['suite'])} |"
        )
    for r in rows:
        if "naive_s" in r and r["size"] == 10000:
            speed = r["naive_s"] / r["index_s"]
            lines.append(
                f"| index build at 10,000 vs the naive single-writer loop | **{speed:.2f}x** "
                f"({r['index_s']:.1f} s vs {r['naive_s']:.1f} s) | ≥ 3x | {verdict(speed, 3.0, True)} |"
            )
        if r["size"] == 100000:
            lines.append(
                f"| peak memory, index build at 100,000 (all processes summed) | **{r['index_tree'] / 1e6:.0f} MB** "
                f"(largest one process: {r['index_peak'] / 1e6:.0f} MB) | < 1 GB "
                f"| {verdict(r['index_tree'], TARGETS['memory'])} |"
            )
    return [*lines, ""]


# -- scale -------------------------------------------------------------------------


def corpus(work: Path, size: int) -> Path:
    corpus_dir = work / f"corpus-{size}"
    if not (corpus_dir / "content").exists():
        generate(corpus_dir, size, seed=size)
    return corpus_dir / "content"


INPROC = """
import json, sys, time
from pathlib import Path
from voorveld_cli import search as index
from voorveld_cli.content.filters import Filters
root = Path(sys.argv[1]); types = json.loads(sys.argv[2]); filtered = json.loads(sys.argv[3])
vocab, _ = index.current_vocabulary(root)
ix, _ = index.open_index(root, vocab)
names = index.synonym_table(ix, vocab)
out = {}
for _ in range(3):
    for kind, queries in types.items():
        filters = Filters(**filtered) if kind == "met filter" else Filters()
        for q in queries:
            t = time.perf_counter(); index.search(ix, root, q, filters, 10, names)
            out.setdefault(kind, []).append(time.perf_counter() - t)
print(json.dumps(out))
"""


def scale(work: Path, size: int, runs: int, naive: bool) -> dict:
    content = corpus(work, size)
    cache = work / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    env = user_env(VOORVELD_CACHE=str(cache))
    row: dict = {"size": size, "bytes": folder_size(content)}

    row["index_s"], row["index_peak"], row["index_tree"] = run_with_peak(
        [*VOORVELD, "index", "--rebuild", "--content-dir", str(content)], env
    )
    row["index_bytes"] = folder_size(current_index(cache))
    if naive:
        out = work / f"naive-{size}"
        shutil.rmtree(out, ignore_errors=True)
        row["naive_s"], _, _ = run_with_peak(
            [PYTHON, str(REPO / "benchmarks" / "naive_index.py"), str(content), str(out)], env
        )
        shutil.rmtree(out, ignore_errors=True)

    probe = subprocess.run(
        [PYTHON, "-c", INPROC, str(content), json.dumps(QUERY_TYPES), json.dumps(FILTERED)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    row["types"] = {kind: (pct(v, 0.5), pct(v, 0.95)) for kind, v in json.loads(probe.stdout).items()}

    whole = []
    queries = [q for kind, qs in QUERY_TYPES.items() if kind != "met filter" for q in qs]
    for i in range(runs):
        q = queries[i % len(queries)]
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
        "| files | corpus | full index | files/s | naive loop | speed-up | index size | peak memory (all / largest process) "
        "| query p50 / p95 (whole process) | search, unchanged | search, one file changed | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        naive = f"{r['naive_s']:.1f} s" if "naive_s" in r else "not run"
        speed = f"{r['naive_s'] / r['index_s']:.2f}x" if "naive_s" in r else ""
        out.append(
            f"| {r['size']:,} | {r['bytes'] / 1e6:.0f} MB | {r['index_s']:.1f} s | {r['size'] / r['index_s']:.0f} "
            f"| {naive} | {speed} | {r['index_bytes'] / 1e6:.0f} MB "
            f"| {r['index_tree'] / 1e6:.0f} / {r['index_peak'] / 1e6:.0f} MB "
            f"| {ms(r['q_whole_p50'])} / {ms(r['q_whole_p95'])} "
            f"| {ms(r['unchanged_p50'])} | {ms(r['changed_p50'])} | {r['changed_p50'] / r['unchanged_p50']:.2f}x |"
        )
    kinds = list(QUERY_TYPES)
    out += [
        "",
        "In-process query latency per query type, index open (p50 / p95 over 3 rounds of 4 queries; "
        f"'met filter' adds `{FILTERED}`):",
        "",
        "| query type | " + " | ".join(f"{r['size']:,}" for r in rows) + " |",
        "| --- | " + " | ".join("---" for _ in rows) + " |",
    ]
    for kind in kinds:
        cells = [f"{ms(r['types'][kind][0])} / {ms(r['types'][kind][1])}" for r in rows]
        out.append(f"| {kind} | " + " | ".join(cells) + " |")
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
    parser.add_argument("--quick", action="store_true", help="1k only, 5 runs, no test suite")
    parser.add_argument("--no-suite", action="store_true", help="do not time the test suite")
    parser.add_argument("--only-figures", action="store_true", help="the four figures, no scale table")
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
    print("cold start ...", file=sys.stderr)
    figures, cold_lines = cold_start(work, runs)
    print("first search after install ...", file=sys.stderr)
    figures.update(first_after_install(work, max(5, runs // 2)))
    print("search at size vs shipped ...", file=sys.stderr)
    figures.update(scale_vs_shipped(work, 1000 if args.quick else 10000, 2 if args.quick else 3))
    if not (args.quick or args.no_suite):
        print("test suite ...", file=sys.stderr)
        figures.update(suite_time())
    rows = []
    if not args.only_figures:
        for size in sizes:
            print(f"scale {size} ...", file=sys.stderr)
            rows.append(scale(work, size, max(5, runs // 2), naive=size <= args.naive_up_to))
    lines += figure_lines(figures, rows)
    lines += cold_lines
    if rows:
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
