#!/usr/bin/env python3
"""Store benchmark: the headline query's wall time (process start included) and
peak memory, `add` of one new document to the existing store, and the store's size.

Usage (release build first: swift build -c release):
    python3 scripts/make-corpus.py 100 CORPUS_DIR --seeds seeds --seed 1
    python3 scripts/bench-store.py CORPUS_DIR WORK_DIR [--runs 21]

Builds WORK_DIR/out/ from CORPUS_DIR once (kept for later runs), then measures.
The new document for `add` is generated with another seed, so it is new.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def children_cpu():
    """User + system CPU seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, stderr=False, cpu=False):
    """Runs a command; returns (wall seconds, standard output[, standard error][, CPU seconds])."""
    before = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    used = children_cpu() - before
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    if cpu:
        return wall, result.stdout, used
    return (wall, result.stdout, result.stderr) if stderr else (wall, result.stdout)


def timed(command, runs):
    """Median, min and max wall time in ms over `runs` new processes (after one to warm the page
    cache), and the median CPU time (user + system) in ms, which other load inflates less."""
    run(command)
    walls, cpus = [], []
    for _ in range(runs):
        wall, _, used = run(command, cpu=True)
        walls.append(wall * 1000)
        cpus.append(used * 1000)
    return statistics.median(walls), min(walls), max(walls), statistics.median(cpus)


def peak_memory(command):
    """The command's peak resident memory in MB, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return int(result.stderr.decode().strip().splitlines()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("work")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "policygraph"))
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    out = os.path.join(a.work, "out")
    store = os.path.join(out, "policygraph.sqlite")
    if not os.path.exists(store):
        wall, _ = run([binary, "build", a.corpus, "-o", out])
        print(f"build: {wall:.1f} s")
    size = os.path.getsize(store)
    documents = len([n for n in os.listdir(a.corpus) if n.endswith(".txt")])
    print(f"store: {size / 1e6:.0f} MB for {documents} documents")

    # The floor: a process that opens the store and answers the smallest question.
    median, low, high, cpu = timed([binary, "sql", "SELECT 1", "--store", store], a.runs)
    print(f"process start + store open (sql \"SELECT 1\"): median {median:.1f} ms (min {low:.1f}, max {high:.1f}), CPU {cpu:.1f} ms")

    # The headline question, grouped: as JSON (every company, streamed), as the default table, and its first ten.
    query = [binary, "companies", "--promise", "固态电池", "--by", "2027", "--store", store]
    for label, extra in [("json", ["--format", "json"]), ("table", []), ("json --limit 10", ["--format", "json", "--limit", "10"])]:
        median, low, high, cpu = timed(query + extra, a.runs)
        _, output = run(query + extra)
        peak = peak_memory(query + extra)
        companies = output.decode().count('"earliest_due_year"') if "json" in label else output.decode().count("\n") - 2
        print(f"headline query, {label} (process start included): median {median:.1f} ms over {a.runs} runs "
              f"(min {low:.1f}, max {high:.1f}), CPU {cpu:.1f} ms, {companies} companies, {len(output) / 1e6:.1f} MB, peak memory {peak:.0f} MB")

    # add of one new document, to a copy of the store.
    fresh = os.path.join(a.work, "new")
    shutil.rmtree(fresh, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make-corpus.py"), "0.01", fresh, "--seed", "4242",
                    "--seeds", os.path.join(HERE, "..", "seeds")], check=True, stderr=subprocess.DEVNULL)
    # Named as the next document of the corpus (doc-005712.txt after doc-005711.txt), as new files
    # named by date or number are: `add` merges it in place. A name sorting before a stored one rebuilds.
    document = sorted(n for n in os.listdir(fresh) if n.endswith(".txt"))[0]
    last = sorted(n for n in os.listdir(a.corpus) if n.endswith(".txt"))[-1]
    stem, _, number = last[:-4].rpartition("-")
    name = f"{stem}-{int(number) + 1:0{len(number)}d}.txt" if number.isdigit() else last[:-4] + "-next.txt"
    os.rename(os.path.join(fresh, document), os.path.join(fresh, name))
    copy = os.path.join(a.work, "add.sqlite")
    add = [binary, "add", os.path.join(fresh, name), "--store", copy]
    # Once to warm the page cache and the ontology's compiled cache (a new binary compiles it once), then
    # the median of three, each on a fresh copy of the store.
    walls, cpus = [], []
    for attempt in range(4):
        shutil.copyfile(store, copy)
        before = children_cpu()
        wall, _, said = run(add, stderr=True)
        if attempt > 0:
            walls.append(wall)
            cpus.append(children_cpu() - before)
    shutil.copyfile(store, copy)
    peak = peak_memory(add)
    print(f"add of one new document: median {statistics.median(walls):.2f} s over 3 runs (min {min(walls):.2f}), "
          f"CPU {statistics.median(cpus):.2f} s, peak memory {peak:.0f} MB ({said.decode().strip()})")
    # Of which: a process that loads the ontology, compiles its dictionary and extracts the document (no store).
    median, low, high, _ = timed([binary, "extract", os.path.join(fresh, name)], max(3, a.runs // 4))
    print(f"  of which extract of the same document alone (ontology load included): median {median:.0f} ms")
    os.remove(copy)


if __name__ == "__main__":
    main()
