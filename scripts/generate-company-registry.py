#!/usr/bin/env python3
"""Regenerates Ontology/entities/company-registry.tsv from public registries.

Source: the A-share list `adata/stock/cache/code.csv` shipped in the wheel of
the PyPI package `adata` (Apache-2.0): stock code, short name, listing date.
The shortened press forms (海光信息 → 海光) are checked against the word list
of the PyPI package `jieba` (MIT, `jieba/dict.txt`): a shortened form that is
a common word there (曙光, 平安, 长安) is only contextual (`~`).

Both packages are fetched with `pip download --no-deps` at pinned versions, so
that a rerun gives the same file. Run from the repository root:

    python3 scripts/generate-company-registry.py

Names already in another ontology file (any type) are left out, so that the
hand-edited records win; the code goes into the fifth column as `code=…`.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ADATA = "adata==2.9.5"
JIEBA = "jieba==0.42.1"
TWSTOCK = "twstock==1.5.1"
OUTPUT = "Ontology/entities/company-registry.tsv"
OUTPUT_TW = "Ontology/entities/company-registry-tw.tsv"
INDUSTRY_WORDS = "scripts/company-industry-words.txt"
# A form that jieba counts this often is an ordinary word.
ORDINARY_FREQUENCY = 30
# Tags of jieba's proper nouns: organisations, other proper names, abbreviations.
PROPER_TAGS = {"nt", "nz", "j"}


PROPER = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}
FUNCTION = {"a", "ad", "c", "d", "f", "m", "p", "u", "v", "vn"}


def common(word, jieba):
    frequency, tag = jieba.get(word, (0, ""))
    if tag in PROPER:
        return False
    if len(word) == 1:
        return tag in FUNCTION and frequency >= 1000
    return frequency >= 100


def phrase(form, jieba):
    """Whether common words spell the whole form (新产业 = 新 + 产业, 海量数据)."""
    reachable = [True] + [False] * len(form)
    for start in range(len(form)):
        if reachable[start]:
            for end in range(start + 1, min(len(form), start + 6) + 1):
                if common(form[start:end], jieba):
                    reachable[end] = True
    return reachable[len(form)]


def ordinary(form, jieba, words):
    """Whether a form needs a company context: an ordinary word (曙光, 平安),
    any two characters (工智 in 人工智能, 中电 in 电池中电极), or a phrase of
    common words without an industry word at its end (新产业)."""
    if jieba.get(form, (0, ""))[0] >= ORDINARY_FREQUENCY or len(form) == 2:
        return True
    return phrase(form, jieba) and not any(form.endswith(w) for w in words + ["股份", "集团"])


def download(spec, folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder, spec], check=True)
    name = spec.split("==")[0]
    for entry in sorted(os.listdir(folder)):
        if entry.lower().startswith(name + "-"):
            return os.path.join(folder, entry)
    sys.exit(f"pip download {spec} left no file in {folder}")


def read_codes(wheel):
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("adata/stock/cache/code.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def read_taiwan(wheel):
    """Shares (股票) listed on the TWSE (上市) and TPEx (上櫃), from twstock's code tables."""
    rows = []
    with zipfile.ZipFile(wheel) as archive:
        for member in ("twstock/codes/twse_equities.csv", "twstock/codes/tpex_equities.csv"):
            data = archive.read(member).decode("utf-8")
            rows += [row for row in csv.DictReader(io.StringIO(data)) if row["type"] == "股票"]
    return rows


def read_folding():
    table = {}
    for line in open("Ontology/text/traditional-to-simplified.tsv", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(parts) == 2:
            table[parts[0]] = parts[1]
    return lambda text: "".join(table.get(c, c) for c in text)


def read_jieba(sdist):
    words = {}
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("jieba/dict.txt"))
        for line in archive.extractfile(member).read().decode("utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) >= 3 and parts[1].isdigit():
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def existing_names():
    names = set()
    folder = "Ontology/entities"
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".tsv") or file == os.path.basename(OUTPUT):
            continue
        for line in open(os.path.join(folder, file), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            names.add(fields[0].strip())
            if len(fields) > 1:
                names.update(a.strip().lstrip("~") for a in fields[1].split("|") if a.strip())
    return names


CJK = re.compile(r"[\u4e00-\u9fff]")
STATUS_PREFIX = re.compile(r"^(S\*ST|\*ST|SST|ST|PT|S)(?=[\u4e00-\u9fffA-Z])")


def press_form(raw):
    """The name as the press writes it: half-width letters, no inner spaces,
    no trading-status prefix (*ST, PT), no share class (万科A) or delisting mark."""
    name = unicodedata.normalize("NFKC", raw)
    name = re.sub(r"\s+", "", name)
    name = STATUS_PREFIX.sub("", name)
    name = re.sub(r"(?<=[\u4e00-\u9fff])[AB]$", "", name)
    name = re.sub(r"退$", "", name)
    return name


def main():
    words = [w.strip() for w in open(INDUSTRY_WORDS, encoding="utf-8") if w.strip() and not w.startswith("#")]
    words.sort(key=len, reverse=True)
    with tempfile.TemporaryDirectory() as tmp:
        rows = read_codes(download(ADATA, tmp))
        jieba = read_jieba(download(JIEBA, tmp))
        taiwan = read_taiwan(download(TWSTOCK, tmp))
    taken = existing_names()
    records = {}
    for row in rows:
        name = press_form(row["short_name"])
        if len(CJK.findall(name)) < 2 or name in taken or name in records:
            continue
        records[name] = row["stock_code"].strip()
    # Shortened forms: drop one trailing industry word; the rest must be two or
    # more Chinese characters, not another entity's name and not shared.
    shortened = {}
    for name in records:
        for word in words:
            rest = name[: -len(word)]
            if name.endswith(word) and len(rest) >= 2 and all(CJK.match(c) for c in rest):
                shortened.setdefault(rest, []).append(name)
                break
    aliases = {name: [] for name in records}
    for rest, owners in shortened.items():
        if len(owners) != 1 or rest in taken or rest in records or rest[-1] in "省市县区镇乡村":
            continue
        aliases[owners[0]].append(("~" if ordinary(rest, jieba, words) else "") + rest)
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# company-registry.tsv — A-share listed companies, generated by scripts/generate-company-registry.py; do not edit.\n")
        out.write(f"# Source: adata/stock/cache/code.csv in the PyPI wheel {ADATA} (Apache-2.0); ordinary-word check: jieba/dict.txt of {JIEBA} (MIT).\n")
        out.write("# Columns (TAB-separated): name (the exchange's short name, press form)\taliases (~ = contextual)\tparent\tnote\tattributes (code=stock code; match=contextual when the name is an ordinary word)\n")
        for name in sorted(records, key=lambda n: records[n]):
            attributes = f"code={records[name]}"
            if ordinary(name, jieba, words):
                attributes += " match=contextual"   # 曙光, 长城: an ordinary word too
            out.write(f"{name}\t{'|'.join(aliases[name])}\t\t\t{attributes}\n")
    fold = read_folding()
    folded_taken = {fold(n) for n in taken} | set(records)
    listed = {}
    for row in taiwan:
        name = press_form(row["name"])
        if len(CJK.findall(name)) < 2 or fold(name) in folded_taken or name in listed:
            continue
        listed[name] = f"{row['code'].strip()}.TW"
    with open(OUTPUT_TW, "w", encoding="utf-8") as out:
        out.write("# company-registry-tw.tsv — companies listed in Taiwan (TWSE 上市, TPEx 上櫃), generated by scripts/generate-company-registry.py; do not edit.\n")
        out.write(f"# Source: twstock/codes/twse_equities.csv and tpex_equities.csv in the PyPI wheel {TWSTOCK} (MIT); ordinary-word check: jieba/dict.txt of {JIEBA} (MIT).\n")
        out.write("# Columns (TAB-separated): name (short name, traditional script as listed)\taliases\tparent\tnote\tattributes (code=stock code; match=contextual when the name is an ordinary word)\n")
        for name in sorted(listed, key=lambda n: listed[n]):
            attributes = f"code={listed[name]}"
            if ordinary(fold(name), jieba, words):
                attributes += " match=contextual"
            out.write(f"{name}\t\t\t\t{attributes}\n")
    print(f"{OUTPUT_TW}: {len(listed)} companies", file=sys.stderr)
    print(f"{OUTPUT}: {len(records)} companies, {sum(len(a) for a in aliases.values())} shortened forms", file=sys.stderr)


if __name__ == "__main__":
    main()
