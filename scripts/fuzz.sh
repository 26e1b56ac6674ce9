#!/usr/bin/env bash
# Fuzzes one harness (time, normalize or extract) for SECONDS with libFuzzer and
# AddressSanitizer, from a copy of its seed corpus; exits non-zero on a finding.
#   scripts/fuzz.sh time 30            # a smoke run
#   scripts/fuzz.sh extract 900 DIR    # 15 minutes; DIR keeps the grown corpus and any crash files
# The build goes to .build-fuzz (release, -sanitize=fuzzer,address). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?usage: scripts/fuzz.sh time|normalize|extract SECONDS [WORKDIR]}
seconds=${2:-30}
case "$harness" in
  time) product=FuzzTime; options=(-max_len=256 -timeout=2) ;;
  normalize) product=FuzzNormalize; options=(-max_len=24000 -timeout=5) ;;
  extract) product=FuzzExtract; options=(-max_len=24000 -timeout=5) ;;
  *) echo "unknown harness '$harness': time, normalize or extract" >&2; exit 2 ;;
esac
work=${3:-$(mktemp -d)}
mkdir -p "$work/corpus" "$work/findings"
cp -n Fuzz/corpus/"$harness"/* "$work/corpus/" 2>/dev/null || true
swift build -c release --scratch-path .build-fuzz --product "$product" -Xswiftc -sanitize=fuzzer,address >&2
binary=$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/$product
echo "fuzzing $product for $seconds s in $work" >&2
"$binary" "$work/corpus" -dict=Fuzz/time.dict "${options[@]}" -max_total_time="$seconds" \
  -artifact_prefix="$work/findings/" -print_final_stats=1
