#!/usr/bin/env bash
# gen.sh (make bench-gen): specgen's generation against its floor, kin-openapi loading the
# same spec (bench/floor), and against two peers, oapi-codegen and ogen, on the corpus specs
# over a size limit. Every run is a whole process timed by /usr/bin/time -v; the four tools
# run back to back on each spec, N rounds over all specs (interleaved, so that a change in the
# machine's load falls on all alike), and the table gives medians. It then compiles each
# tool's output of each spec, with dependencies already built, and gives those times too.
#
# Usage: bash bench/gen.sh [CORPUS] [WORKDIR]
#
#   CORPUS   folder holding entries.tsv (name<TAB>spec path); default ../shared/corpus
#   WORKDIR  scratch folder (tools, outputs, logs, raw.tsv); default a new temporary folder
#
# Environment: BENCH_N rounds (default 3); BENCH_MIN_BYTES, the size of an entry's folder
# from which its spec is measured (default 1000000); BENCH_TIMEOUT seconds per run (default
# 900); BENCH_RESULTS, where the table is written besides stdout (default bench/RESULTS.md;
# empty for none); BENCH_BASE, a git revision of specgen to run beside this one, interleaved
# like the rest, for a before-and-after table from one run (its output is compared with this
# one's too).
set -euo pipefail

OAPI_CODEGEN_VERSION=v2.8.2
OAPI_RUNTIME_VERSION=v1.9.0
OGEN_VERSION=v1.24.0
N=${BENCH_N:-3}
MIN_BYTES=${BENCH_MIN_BYTES:-1000000}
TIMEOUT=${BENCH_TIMEOUT:-900}
BASE=${BENCH_BASE:-}
TOOLS=(floor specgen oapi-codegen ogen)
[[ -z $BASE ]] || TOOLS=(floor specgen specgen-base oapi-codegen ogen)
# The tools whose output is compiled: the floor writes nothing.
GENERATORS=(specgen oapi-codegen ogen)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=$(cd "${1:-$root/../shared/corpus}" && pwd)
work=${2:-$(mktemp -d -t specgen-bench-XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
bin=$work/bin
results=${BENCH_RESULTS-$root/bench/RESULTS.md}

log() { printf '%s\n' "$*" >&2; }

pkgname() {
	local p
	p=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -cd 'a-z0-9')
	[[ $p =~ ^[a-z] ]] || p="p$p"
	printf '%s' "$p"
}

log "workdir: $work"
log "installing oapi-codegen $OAPI_CODEGEN_VERSION and ogen $OGEN_VERSION; building specgen and the floor"
(
	cd "$work"
	GOBIN=$bin go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$OAPI_CODEGEN_VERSION"
	GOBIN=$bin go install "github.com/ogen-go/ogen/cmd/ogen@$OGEN_VERSION"
)
(cd "$root" && go build -o "$bin/specgen" ./cmd/specgen && go build -o "$bin/floor" ./bench/floor)
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $BASE ]]; then
	base_rev=$(git -C "$root" rev-parse --short "$BASE")
	log "building specgen at $BASE ($base_rev)"
	rm -rf "${work:?}/base-src" "${work:?}/specgen-base"
	mkdir -p "$work/base-src" "$work/specgen-base"
	git -C "$root" archive "$base_rev" | tar -x -C "$work/base-src"
	(cd "$work/base-src" && go build -o "$bin/specgen-base" ./cmd/specgen)
fi
dirty=$(git -C "$root" status --porcelain -- cmd generator templates bench go.mod go.sum 2>/dev/null | wc -l)

for tool in "${GENERATORS[@]}"; do
	rm -rf "${work:?}/$tool"
	mkdir -p "$work/$tool"
	printf 'module bench.example/%s\n\ngo 1.26\n' "$tool" >"$work/$tool/go.mod"
done
mkdir -p "$work/logs"

names=()
declare -A spec_of pkg_of size_of
while IFS=$'\t' read -r name path || [[ -n $name ]]; do
	[[ -z $name || $name == \#* ]] && continue
	path=${path%$'\r'}
	size=$(du -sb "$corpus/${path%%/*}" | cut -f1)
	((size >= MIN_BYTES)) || continue
	names+=("$name")
	spec_of[$name]=$corpus/$path pkg_of[$name]=$(pkgname "$name") size_of[$name]=$size
done <"$corpus/entries.tsv"
log "specs over $MIN_BYTES bytes: ${names[*]}"

# run_cmd sets cmd to one tool's command line for one spec.
run_cmd() {
	local tool=$1 spec=$2 pkg=$3 dir=$work/$1/$3
	case $tool in
	floor) cmd=("$bin/floor" "$spec") ;;
	specgen | specgen-base) cmd=("$bin/$tool" generate -spec "$spec" -out "$dir" -package "$pkg" -module "bench.example/specgen/$pkg") ;;
	oapi-codegen)
		mkdir -p "$dir"
		cmd=("$bin/oapi-codegen" -generate types,client,std-http-server -package "$pkg" -o "$dir/gen.go" "$spec") ;;
	# ogen stops at the first feature it lacks unless told to skip what it cannot do.
	ogen) cmd=("$bin/ogen" --config "$work/ogen.yml" --target "$dir" --package "$pkg" --clean "$spec") ;;
	esac
}
printf 'generator:\n  ignore_not_implemented: ["all"]\n' >"$work/ogen.yml"

raw=$work/raw.tsv
printf 'round\tspec\ttool\texit\twall_s\tcpu_s\trss_kib\n' >"$raw"
for round in $(seq 1 "$N"); do
	for name in "${names[@]}"; do
		spec=${spec_of[$name]} pkg=${pkg_of[$name]}
		find "$(dirname "$spec")" -type f -exec cat {} + >/dev/null
		for tool in "${TOOLS[@]}"; do
			[[ $tool == floor ]] || rm -rf "${work:?}/$tool/$pkg"
			run_cmd "$tool" "$spec" "$pkg"
			tv=$work/logs/$tool-$name.time
			rc=0
			(cd "$work/${tool/#floor/specgen}" && timeout "$TIMEOUT" /usr/bin/time -v -o "$tv" "${cmd[@]}") \
				>"$work/logs/$tool-$name.log" 2>&1 || rc=$?
			read -r wall cpu rss < <(awk -F': ' '
				/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
				/User time/ { c += $2 } /System time/ { c += $2 } /Maximum resident/ { r = $2 }
				END { printf "%.3f %.3f %d\n", w, c, r }' "$tv" 2>/dev/null || echo "0 0 0")
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$tool" "$rc" "$wall" "$cpu" "$rss" >>"$raw"
			log "$(printf 'round %s %-22s %-13s exit %-3s %7ss %7s KiB' "$round" "$name" "$tool" "$rc" "$wall" "$rss")"
		done
	done
done

# The outputs of specgen and its base are compared before the compile times below touch
# specgen's.
declare -A same_of
if [[ -n $BASE ]]; then
	for name in "${names[@]}"; do
		pkg=${pkg_of[$name]}
		n=$(diff -r -q "$work/specgen-base/$pkg" "$work/specgen/$pkg" 2>&1 | wc -l || true)
		if ((n == 0)); then same_of[$name]=identical; else same_of[$name]="differs: $n files"; fi
	done
fi

# Compile times: each tool's module is built once (dependencies, runtimes), then each
# package again after a comment is appended to one of its files, so that only it recompiles.
declare -A compile_s
for tool in "${GENERATORS[@]}"; do
	(
		cd "$work/$tool"
		case $tool in
		oapi-codegen) go get "github.com/oapi-codegen/runtime@$OAPI_RUNTIME_VERSION" ;;
		ogen) go get "github.com/ogen-go/ogen@$OGEN_VERSION" ;;
		esac
		go mod tidy -e
		go build ./... || true
	) >"$work/logs/build-$tool.log" 2>&1
	for name in "${names[@]}"; do
		pkg=${pkg_of[$name]}
		# A tool that failed on the spec left no folder (ogen), or an empty one.
		[[ -d $work/$tool/$pkg ]] || continue
		f=$(find "$work/$tool/$pkg" -maxdepth 1 -name '*.go' | sort | head -1)
		[[ -n $f ]] || continue
		printf '\n// bench rebuild %s\n' "$(date +%s%N)" >>"$f"
		start=$(date +%s%N)
		if (cd "$work/$tool" && go build "./$pkg") >>"$work/logs/build-$tool.log" 2>&1; then
			compile_s[$tool/$name]=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
		fi
	done
done

# median TOOL SPEC COLUMN: the median of a column (5 wall, 6 cpu, 7 rss) over the rounds that
# exited 0; "-" when none did.
median() {
	awk -F'\t' -v t="$1" -v s="$2" -v c="$3" '
		$3 == t && $2 == s && $4 == 0 { v[++n] = $c }
		END {
			if (n == 0) { print "-"; exit }
			for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
			print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		}' "$raw"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.0f", k / 1024 }'; }

{
	echo "# make bench-gen"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); specgen commit $rev ($dirty uncommitted source files)"
	echo "- $(go version); machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- peers: oapi-codegen $OAPI_CODEGEN_VERSION, ogen $OGEN_VERSION; medians of $N interleaved rounds of whole processes (/usr/bin/time -v); specs whose corpus folder holds at least $MIN_BYTES bytes"
	echo
	echo "Wall time in seconds; × columns are ratios of wall times (÷ floor for specgen, peer ÷ specgen); RSS is peak resident memory in MiB."
	echo
	echo "| spec | MB | floor s | specgen s | specgen ÷ floor | specgen CPU s | oapi-codegen ÷ specgen | ogen ÷ specgen | floor RSS | specgen RSS | specgen ÷ oapi-codegen RSS | oapi-codegen RSS | ogen RSS |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for name in "${names[@]}"; do
		fl=$(median floor "$name" 5) sg=$(median specgen "$name" 5) oa=$(median oapi-codegen "$name" 5) og=$(median ogen "$name" 5)
		printf '| %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(awk -v b="${size_of[$name]}" 'BEGIN { print b / 1e6 }')" \
			"$fl" "$sg" "$(ratio "$sg" "$fl")" "$(median specgen "$name" 6)" "$(ratio "$oa" "$sg")" "$(ratio "$og" "$sg")" \
			"$(mib "$(median floor "$name" 7)")" "$(mib "$(median specgen "$name" 7)")" "$(ratio "$(median specgen "$name" 7)" "$(median oapi-codegen "$name" 7)")" \
			"$(mib "$(median oapi-codegen "$name" 7)")" "$(mib "$(median ogen "$name" 7)")"
	done
	if [[ -n $BASE ]]; then
		echo
		echo "Before and after: specgen at $BASE ($base_rev) in the same rounds; output compared file by file."
		echo
		echo "| spec | base s | base ÷ floor | specgen s | specgen ÷ floor | base CPU s | specgen CPU s | base RSS | specgen RSS | output |"
		echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
		for name in "${names[@]}"; do
			fl=$(median floor "$name" 5) sb=$(median specgen-base "$name" 5) sg=$(median specgen "$name" 5)
			echo "| $name | $sb | $(ratio "$sb" "$fl") | $sg | $(ratio "$sg" "$fl") | $(median specgen-base "$name" 6) | $(median specgen "$name" 6) | $(mib "$(median specgen-base "$name" 7)") | $(mib "$(median specgen "$name" 7)") | ${same_of[$name]} |"
		done
	fi
	echo
	echo "Compile time of each tool's output (seconds, that package alone; - when it does not build):"
	echo
	echo "| spec | specgen | oapi-codegen | ogen | ogen ÷ specgen |"
	echo "|---|---:|---:|---:|---:|"
	for name in "${names[@]}"; do
		s=${compile_s[specgen/$name]:--} o=${compile_s[oapi-codegen/$name]:--} g=${compile_s[ogen/$name]:--}
		echo "| $name | $s | $o | $g | $(ratio "$g" "$s") |"
	done
	echo
	echo "Failed runs (tool, spec, exit; logs in $work/logs):"
	echo
	awk -F'\t' 'NR > 1 && $4 != 0 { k = $3 ", " $2 ", exit " $4; if (!(k in seen)) { seen[k] = 1; print "- " k } } END { if (length(seen) == 0) print "none" }' "$raw"
} | if [[ -n $results ]]; then tee "$results"; else cat; fi
