#!/usr/bin/env python3
"""Benchmark of `policygraph build`: cores, corpus size, document size.

Runs the release binary on corpora from scripts/make-corpus.py and prints,
for each run, the wall time, the CPU time, the peak resident memory (the
process's own, from wait4) and the machine's load average before and after,
then the ratios the performance goals are about:

  cores     build of one corpus with --jobs 1 on one core (taskset -c 0)
            and with --jobs 2 on two, in turn, --cores-runs times (default 2):
            the fastest of each side gives the speed-up (goal >= 1.8)
  corpus    builds of 10, 100, 1000 MB corpora: time and memory per MB
            against the smallest (linear: the same within 20 %)
  document  builds of one document of 10, 20, 40 MB (pieces of a corpus
            joined into one file): the same ratios

MB = 10^6 bytes. Corpora are generated once into --work and reused.

Usage:
  swift build -c release --product policygraph
  python3 scripts/bench-build.py [--binary .build/release/policygraph] [--work DIR]
         [--sizes 10,100,1000] [--documents 10,20,40] [--cores-corpus 100]
         [--only cores,corpus,document]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def corpus(work, size):
    """The generated corpus of `size` MB (seed 1), made if missing."""
    folder = os.path.join(work, f"corpus-{size}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(HERE, "make-corpus.py"), str(size), folder,
                        "--seeds", os.path.join(ROOT, "seeds"), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    return folder


def single_document(work, size):
    """One file of `size` MB: documents of a generated corpus joined by blank lines."""
    folder = os.path.join(work, f"document-{size}")
    path = os.path.join(folder, "document.txt")
    if not os.path.exists(path):
        source = corpus(work, 100 if size < 90 else size + 10)
        os.makedirs(folder, exist_ok=True)
        written = 0
        with open(path, "wb") as out:
            for name in sorted(os.listdir(source)):
                with open(os.path.join(source, name), "rb") as f:
                    data = f.read()
                if written + len(data) + 2 > size * 1_000_000:
                    break
                out.write(data + b"\n\n")
                written += len(data) + 2
    return folder


def run(binary, inputs, work, jobs, cores=None):
    """One build; returns wall s, CPU s, peak MB, loads before and after."""
    output = os.path.join(work, "out")
    shutil.rmtree(output, ignore_errors=True)
    command = [binary, "build", inputs, "-o", output, "--jobs", str(jobs), "--quiet"]
    if cores is not None:
        command = ["taskset", "-c", cores] + command
    load_before = os.getloadavg()[0]
    start = time.monotonic()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit(f"bench-build: {' '.join(command)} failed ({status})")
    shutil.rmtree(output, ignore_errors=True)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss / 1000,
            "load": (load_before, os.getloadavg()[0])}


def line(label, megabytes, result):
    return (f"  {label:<28} {result['wall']:8.1f} s wall {result['cpu']:8.1f} s CPU {megabytes / result['wall']:7.2f} MB/s "
            f"{result['peak']:8.0f} MB peak   load {result['load'][0]:.1f} → {result['load'][1]:.1f}")


def scaling(label, rows):
    """Time and memory per MB against the first row."""
    base_size, base = rows[0]
    print(f"  {label}: per MB against {base_size} MB (1.00 = linear; goal within 0.80–1.20)")
    for size, result in rows[1:]:
        factor = size / base_size
        print(f"    {size:>5} MB: wall ×{result['wall'] / base['wall']:.2f} ({result['wall'] / base['wall'] / factor:.2f} per MB), "
              f"CPU ×{result['cpu'] / base['cpu']:.2f} ({result['cpu'] / base['cpu'] / factor:.2f} per MB), "
              f"peak ×{result['peak'] / base['peak']:.2f} ({result['peak'] / base['peak'] / factor:.2f} per MB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/policygraph"))
    parser.add_argument("--work", default=os.path.join(ROOT, ".build/bench-build"))
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--documents", default="10,20,40")
    parser.add_argument("--cores-corpus", type=int, default=100)
    parser.add_argument("--cores-runs", type=int, default=2,
                        help="builds on one core and on two, in turn; the fastest of each is compared (default 2)")
    parser.add_argument("--only", default="cores,corpus,document")
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"bench-build: {arguments.binary} is not built: swift build -c release --product policygraph")
    os.makedirs(arguments.work, exist_ok=True)
    parts = arguments.only.split(",")
    print(f"policygraph build benchmark: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start")

    if "cores" in parts:
        size = arguments.cores_corpus
        folder = corpus(arguments.work, size)
        print(f"cores ({size} MB corpus):")
        # One core and two in turn, --cores-runs times: the machine's own drift (write-back of the
        # previous build's output, other tenants) falls on both alike; each side's fastest run counts.
        ones, twos = [], []
        for _ in range(max(1, arguments.cores_runs)):
            ones.append(run(arguments.binary, folder, arguments.work, jobs=1, cores="0"))
            print(line("--jobs 1, one core", size, ones[-1]))
            twos.append(run(arguments.binary, folder, arguments.work, jobs=2))
            print(line("--jobs 2, two cores", size, twos[-1]))
        one = min(ones, key=lambda result: result["wall"])
        two = min(twos, key=lambda result: result["wall"])
        best = f", the fastest of {len(ones)} runs each" if len(ones) > 1 else ""
        print(f"  speed-up: ×{one['wall'] / two['wall']:.2f} ({one['wall']:.1f} s / {two['wall']:.1f} s{best}; goal ≥ 1.8)")

    def sizes(kind, title, listed, make_input, label):
        """Builds the input of each listed size on two cores, then prints the scaling ratios."""
        print(f"{title} (--jobs 2):")
        rows = []
        for size in [int(s) for s in listed.split(",")]:
            result = run(arguments.binary, make_input(arguments.work, size), arguments.work, jobs=2)
            print(line(label(size), size, result))
            rows.append((size, result))
        scaling(kind, rows)

    if "corpus" in parts:
        sizes("corpus", "corpus size", arguments.sizes, corpus, lambda size: f"{size} MB corpus")

    if "document" in parts:
        sizes("document", "single document size", arguments.documents, single_document,
              lambda size: f"one {size} MB document")


if __name__ == "__main__":
    main()
