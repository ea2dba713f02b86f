#!/usr/bin/env bash
# bench-scale.sh — wall time and peak memory of icp-report at scale.
#
# Usage: scripts/bench-scale.sh [N] [WORKDIR]
#
#   N        rows to generate: N accounts and N closed deals (default
#            1000000; 10000000 works too, with ~12 GB of disk and time)
#   WORKDIR  where to build and write the data (default: a temporary
#            directory, removed at the end)
#
# It builds icp-report, writes the data with `icp-report generate --scale N`
# and measures each step with /usr/bin/time -v (wall clock, maximum
# resident set size):
#
#   score      accounts.csv, reference model (`icp-report init`), at N rows
#              and at N/5 rows (the first fifth of the file): peak RSS should
#              be about the same — score streams, memory stays flat
#   calibrate  deals.csv, testdata/scale/model20.yaml (20 criteria)
#   report     deals.csv, model20.yaml, workbook + charts into a directory
#
# When /usr/bin/python3 has pandas and scikit-learn, it also times the peer
# baseline ../shared/peers/sklearn_baseline.py (pandas read, scikit-learn
# and statsmodels logistic fits) on the design matrix calibrate fits, which
# scripts/designmatrix writes from the same deals.
#
# The result is a markdown table on stdout; progress goes to stderr. Run it
# from anywhere; it needs go, /usr/bin/time and a few GB of free memory.
set -euo pipefail

N=${1:-1000000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEER=$ROOT/../shared/peers/sklearn_baseline.py
if [[ $# -ge 2 ]]; then
	WORK=$2
	mkdir -p "$WORK"
else
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-scale.XXXXXX")
	trap 'rm -rf "$WORK"' EXIT
fi
[[ -x /usr/bin/time ]] || { echo "bench-scale: needs /usr/bin/time (GNU time)" >&2; exit 1; }

log() { echo "bench-scale: $*" >&2; }

log "building into $WORK"
(cd "$ROOT" && go build -o "$WORK/icp-report" ./cmd/icp-report && go build -o "$WORK/designmatrix" ./scripts/designmatrix)
BIN=$WORK/icp-report

rows=()
# measure NAME ROWS NOTE CMD... runs CMD under /usr/bin/time -v, stdout to
# $WORK/NAME.out, and adds a table row. A command that fails stops the
# script (generated data have no bad rows, so score exits 0).
measure() {
	local name=$1 n=$2 note=$3
	shift 3
	log "$name: $*"
	local status=0
	/usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
	if [[ $status -ne 0 ]]; then
		log "$name exited $status:"
		tail -5 "$WORK/$name.err" >&2
		exit 1
	fi
	local wall rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		printf "%.2f", s }' "$WORK/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
	rows+=("| $name | $(printf "%'d" "$n") | $wall | $rss | $note |")
}

log "generating $N accounts and deals"
measure generate "$N" "accounts.csv + deals.csv" "$BIN" generate --scale "$N" --out "$WORK/data"
"$BIN" init "$WORK/icp.yaml" 2>/dev/null
head -n $((N / 5 + 1)) "$WORK/data/accounts.csv" >"$WORK/data/accounts-fifth.csv"
size() { du -h "$1" | cut -f1; }

measure "score" "$N" "reference model, $(size "$WORK/data/accounts.csv") CSV in" \
	"$BIN" score --model "$WORK/icp.yaml" --in "$WORK/data/accounts.csv" --out "$WORK/scored.csv" --as-of 2026-10-01
measure "score (first fifth)" $((N / 5)) "flat memory check" \
	"$BIN" score --model "$WORK/icp.yaml" --in "$WORK/data/accounts-fifth.csv" --out "$WORK/scored-fifth.csv" --as-of 2026-10-01
measure calibrate "$N" "model20: 20 criteria, Firth, 5-fold CV" \
	"$BIN" calibrate --model "$ROOT/testdata/scale/model20.yaml" --deals "$WORK/data/deals.csv"
measure report "$N" "model20, workbook + charts" \
	"$BIN" report --model "$ROOT/testdata/scale/model20.yaml" --deals "$WORK/data/deals.csv" --out "$WORK/review"

if [[ -f $PEER ]] && /usr/bin/python3 -c 'import pandas, sklearn, statsmodels' 2>/dev/null; then
	measure "design matrix" "$N" "scripts/designmatrix: won + 20 columns" \
		"$WORK/designmatrix" "$ROOT/testdata/scale/model20.yaml" "$WORK/data/deals.csv"
	mv "$WORK/design matrix.out" "$WORK/design.csv"
	measure "sklearn_baseline.py" "$N" "pandas read + sklearn lbfgs + statsmodels Newton" \
		/usr/bin/python3 "$PEER" "$WORK/design.csv"
	peer=$(head -1 "$WORK/sklearn_baseline.py.out")
else
	peer="skipped: /usr/bin/python3 lacks pandas, scikit-learn or statsmodels, or $PEER is missing"
fi

echo "icp-report at N = $(printf "%'d" "$N") on $(nproc) cores, $(go version | cut -d' ' -f3)"
echo
echo "| step | rows | wall s | peak RSS MB | note |"
echo "|---|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "peer baseline: $peer"
