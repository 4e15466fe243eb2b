#!/usr/bin/env bash
# peers.sh: compare specgen with two peer generators, oapi-codegen and ogen, on an OpenAPI
# corpus: how long each takes to generate, and whether what it generates compiles.
#
# Usage: bash bench/peers.sh [CORPUS] [WORKDIR]
#
#   CORPUS   folder holding entries.tsv (name<TAB>spec path relative to CORPUS);
#            default ../shared/corpus, relative to the repository root
#   WORKDIR  scratch folder for tools, outputs and logs; default a new temporary folder.
#            It is kept for inspection: logs/<tool>/<spec>.log, <tool>/<pkg>/, results.tsv
#
# Environment: PEERS_TIMEOUT (seconds, default 900) bounds any one generation, so that a
# tool that hangs on one spec cannot stall the whole comparison.
#
# The markdown table and summary go to stdout; progress goes to stderr.
set -euo pipefail

# Pinned versions, so that a rerun compares the same peers. oapi-codegen's module does not
# require its runtime module, so the runtime is pinned here too (newest at time of writing).
OAPI_CODEGEN_VERSION=v2.8.2
OAPI_RUNTIME_VERSION=v1.9.0
OGEN_VERSION=v1.24.0
TIMEOUT=${PEERS_TIMEOUT:-900}

TOOLS=(specgen oapi-codegen ogen)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Arguments are relative to the caller's folder; the corpus default to the repository root.
corpus=$(cd "${1:-$root/../shared/corpus}" && pwd)
work=${2:-$(mktemp -d -t specgen-peers-XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
bin=$work/bin

log() { printf '%s\n' "$*" >&2; }

# now prints the wall clock in nanoseconds.
now() { date +%s%N; }

# secs formats nanoseconds as seconds with millisecond precision.
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# pkgname derives a Go package name from an entry name: its letters and digits,
# lowercased (as bench/corpus does), with a leading letter.
pkgname() {
	local p
	p=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -cd 'a-z0-9')
	[[ $p =~ ^[a-z] ]] || p="p$p"
	printf '%s' "$p"
}

# first_error prints the first line of a tool's log that is not progress chatter: ogen
# logs INFO/WARN lines and quotes spec source under an error; oapi-codegen may print an
# options warning first. Long lines are cut so that the table stays readable.
first_error() {
	awk '
		/^[ \t]*$/ || /^(INFO|WARN|DEBUG)[ \t]/ || /^WARNING:/ || /^- std-http-server:/ { next }
		{ sub(/^[ \t]+/, ""); print substr($0, 1, 240); exit }
	' "$1"
}

# ---- setup ------------------------------------------------------------------------------

log "workdir: $work"
log "corpus:  $corpus"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Peers are installed at pinned versions into the workdir, never into the user's GOBIN.
# go install pkg@version ignores the current module, so this runs from the workdir.
log "installing oapi-codegen $OAPI_CODEGEN_VERSION and ogen $OGEN_VERSION"
(
	cd "$work"
	GOBIN=$bin go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$OAPI_CODEGEN_VERSION"
	GOBIN=$bin go install "github.com/ogen-go/ogen/cmd/ogen@$OGEN_VERSION"
)
# specgen is built once, like the peers, so that every timing is of a compiled binary
# (go run would add a compile and link to each of specgen's runs).
log "building specgen"
(cd "$root" && go build -o "$bin/specgen" ./cmd/specgen)
# The work tree may hold uncommitted edits: name those that go into the binary, so that the
# report says which specgen it measured.
specgen_rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
specgen_dirty=$(git -C "$root" status --porcelain -- cmd generator templates go.mod go.sum 2>/dev/null |
	awk '{ printf "%s%s", sep, $NF; sep = ", " }')

# One scratch module per tool: its outputs are packages peers.example/<tool>/<pkg>, and one
# go build over the module compiles them all (sharing dependencies, in parallel).
for tool in "${TOOLS[@]}"; do
	rm -rf "${work:?}/$tool" "$work/logs/$tool"
	mkdir -p "$work/$tool" "$work/logs/$tool"
	printf 'module peers.example/%s\n\ngo 1.26\n' "$tool" >"$work/$tool/go.mod"
done

# ---- generation -------------------------------------------------------------------------

names=() # entry names, in corpus order
declare -A spec_of pkg_of # entry name -> spec file, package name
while IFS=$'\t' read -r name path || [[ -n $name ]]; do
	[[ -z $name || $name == \#* ]] && continue
	path=${path%$'\r'}
	names+=("$name")
	spec_of[$name]=$corpus/$path
	pkg_of[$name]=$(pkgname "$name")
done <"$corpus/entries.tsv"

declare -A gen_rc gen_ns # "<tool>/<name>" -> exit status, wall time in ns

# gen_cmd sets cmd to the command line that runs one tool on one spec, writing package
# <pkg> to <work>/<tool>/<pkg>.
gen_cmd() {
	local tool=$1 spec=$2 pkg=$3
	local dir=$work/$tool/$pkg
	case $tool in
	specgen)
		cmd=("$bin/specgen" generate -spec "$spec" -out "$dir" -package "$pkg"
			-module "peers.example/specgen/$pkg") ;;
	oapi-codegen)
		# "std-http-server" (the config file's name) and "std-http" (the name -h lists) are
		# the same generator in v2.8.2. oapi-codegen writes one file and does not create
		# its folder.
		mkdir -p "$dir"
		cmd=("$bin/oapi-codegen" -generate types,client,std-http-server -package "$pkg" -o "$dir/gen.go" "$spec") ;;
	ogen)
		# ogen generates both client and server: no command-line flag asks for less.
		cmd=("$bin/ogen" --target "$dir" --package "$pkg" --clean "$spec") ;;
	esac
}

for name in "${names[@]}"; do
	spec=${spec_of[$name]} pkg=${pkg_of[$name]}
	# Read the spec's folder once first, so that no tool pays for a cold page cache.
	find "$(dirname "$spec")" -type f -exec cat {} + >/dev/null
	# The three tools run back to back on each spec, so that a change in the machine's
	# background load during the run falls on all three alike.
	for tool in "${TOOLS[@]}"; do
		key=$tool/$name
		rm -rf "${work:?}/$tool/$pkg" # every tool starts from an empty output folder
		gen_cmd "$tool" "$spec" "$pkg"
		start=$(now)
		# Run from the tool's scratch module: oapi-codegen reads go.mod there to check that
		# its std-http server's Go version is supported.
		if (cd "$work/$tool" && timeout "$TIMEOUT" "${cmd[@]}") >"$work/logs/$tool/$name.log" 2>&1; then
			rc=0
		else
			rc=$?
		fi
		gen_ns[$key]=$(($(now) - start))
		gen_rc[$key]=$rc
		# A failed generation may leave partial files; they must not reach go build.
		((rc == 0)) || rm -rf "${work:?}/$tool/$pkg"
		log "$(printf '%-24s %-13s exit %-3s %8ss' "$name" "$tool" "$rc" "$(secs "${gen_ns[$key]}")")"
	done
done

# ---- build ------------------------------------------------------------------------------

declare -A build_err  # "<tool>/<pkg>" -> first error of that package, if it failed
declare -A build_secs # tool -> wall time of its module's go build

for tool in "${TOOLS[@]}"; do
	mod=$work/$tool
	blog=$work/logs/$tool/_build.log
	: >"$blog"
	(
		cd "$mod"
		# The peers' output imports their runtime modules; tidy then adds what those pull in
		# (and go.sum). -e: a broken package must not stop the others from resolving.
		case $tool in
		oapi-codegen) go get "github.com/oapi-codegen/runtime@$OAPI_RUNTIME_VERSION" ;;
		ogen) go get "github.com/ogen-go/ogen@$OGEN_VERSION" ;;
		esac
		go mod tidy -e
	) >>"$blog" 2>&1 || log "$tool: go get/tidy failed, see $blog"

	# go build gives up before compiling anything when any package fails to load (an
	# import no module provides, say), so such packages are found with go list first and
	# left out; a compile error in one package does not stop go build compiling the rest.
	listing=$(cd "$mod" && go list -e -f \
		'{{if .Error}}@@{{.ImportPath}}{{"\n"}}{{.Error}}{{"\n"}}{{else if .DepsErrors}}@@{{.ImportPath}}{{"\n"}}{{(index .DepsErrors 0).Err}}{{"\n"}}{{else}}ok {{.ImportPath}}{{"\n"}}{{end}}' \
		./... 2>>"$blog") || true
	while IFS=$'\t' read -r pkg msg; do
		[[ -n ${build_err[$tool/$pkg]:-} ]] || build_err[$tool/$pkg]="load: $msg"
	done < <(printf '%s\n' "$listing" | awk -v mod="peers.example/$tool/" '
		/^@@/ { p = substr($0, 3); sub("^" mod, "", p); sub("/.*", "", p); getline m; print p "\t" substr(m, 1, 240) }')
	mapfile -t loadable < <(printf '%s\n' "$listing" | sed -n 's/^ok //p')

	start=$(now)
	if ((${#loadable[@]} > 0)); then
		# One go build per module: the same as go build ./... when every package loads.
		if ! (cd "$mod" && go build "${loadable[@]}") >>"$blog" 2>&1; then
			# Each failing package's errors follow a "# peers.example/<tool>/<pkg>" line;
			# error lines name files relative to the module ("box/oas_json_gen.go:1:2: ...").
			while IFS=$'\t' read -r pkg msg; do
				[[ -n ${build_err[$tool/$pkg]:-} ]] || build_err[$tool/$pkg]=$msg
			done < <(awk -v mod="peers.example/$tool/" '
				index($0, "# " mod) == 1 { cur = substr($0, length(mod) + 3); sub("/.*", "", cur); next }
				/^[ \t]/ || /^go: / { next }
				{ p = $0; sub("^\\./", "", p); if (p ~ /^[^ :\/]+\/[^ :]*\.go:/) { cur = p; sub("/.*", "", cur) } }
				cur != "" && !(cur in seen) { seen[cur] = 1; print cur "\t" substr($0, 1, 240) }
			' "$blog")
		fi
	fi
	build_secs[$tool]=$(secs $(($(now) - start)))
	log "$tool: go build of ${#loadable[@]} packages took ${build_secs[$tool]}s"
done

# ---- report -----------------------------------------------------------------------------

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
results=$work/results.tsv
printf 'spec\ttool\tgen_exit\tgen_seconds\tbuilds\tfirst_error\n' >"$results"

declare -A generated built
for tool in "${TOOLS[@]}"; do generated[$tool]=0 built[$tool]=0; done

# builds? is "yes", "no", or "-" when there was nothing to build (generation failed).
rows=()
failures=()
for name in "${names[@]}"; do
	pkg=${pkg_of[$name]}
	gcells="" bcells=""
	for tool in "${TOOLS[@]}"; do
		key=$tool/$name rc=${gen_rc[$tool/$name]} t=$(secs "${gen_ns[$tool/$name]}")
		err=""
		if ((rc == 0)); then
			generated[$tool]=$((${generated[$tool]} + 1))
			gcell="${t}s"
			if [[ -z $(find "$work/$tool/$pkg" -name '*.go' 2>/dev/null | head -1) ]]; then
				b=no err="build: generator exited 0 but wrote no Go file"
			elif [[ -n ${build_err[$tool/$pkg]:-} ]]; then
				b=no err="build: ${build_err[$tool/$pkg]}"
			else
				b=yes built[$tool]=$((${built[$tool]} + 1))
			fi
		else
			b=- err="generate (exit $rc): $(first_error "$work/logs/$tool/$name.log")"
			((rc == 124)) && err="generate: timed out after ${TIMEOUT}s"
			gcell="FAIL ${t}s"
		fi
		gcells+=" | $gcell" bcells+=" | $b"
		[[ -z $err ]] || failures+=("$tool, $name: $err")
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$rc" "$t" "$b" "$err" >>"$results"
	done
	rows+=("| $name$gcells$bcells |")
done

echo "# specgen vs oapi-codegen $OAPI_CODEGEN_VERSION vs ogen $OGEN_VERSION"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- $(go version)"
echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "- load average (1/5/15 min) at start: $load_start; at end: $load_end"
echo "- specgen: $specgen_rev; uncommitted changes to its source: ${specgen_dirty:-none}"
echo "- corpus: $corpus ($(( ${#names[@]} )) specs); workdir: $work"
echo
echo "Generation wall time (one run each, seconds) and whether the output compiles:"
echo
echo "| spec | specgen gen | oapi-codegen gen | ogen gen | specgen builds? | oapi-codegen builds? | ogen builds? |"
echo "|---|---:|---:|---:|:-:|:-:|:-:|"
printf '%s\n' "${rows[@]}"
echo
echo "Summary:"
echo
for tool in "${TOOLS[@]}"; do
	echo "- $tool: generated ${generated[$tool]}/${#names[@]}, generated and built ${built[$tool]}/${#names[@]} (module go build: ${build_secs[$tool]}s)"
done

# Ratios only over specs that all three tools generated, so that no tool is credited for
# failing fast. total = sum(peer) / sum(specgen); median = median of per-spec ratios.
common=()
for name in "${names[@]}"; do
	ok=1
	for tool in "${TOOLS[@]}"; do [[ ${gen_rc[$tool/$name]} == 0 ]] || ok=0; done
	((ok)) && common+=("$name")
done
echo "- specs all three generated: ${#common[@]} (${common[*]:-none})"
for peer in oapi-codegen ogen; do
	((${#common[@]} > 0)) || break
	for name in "${common[@]}"; do
		printf '%s %s\n' "${gen_ns[specgen/$name]}" "${gen_ns[$peer/$name]}"
	done | awk -v peer="$peer" '
		{ s += $1; p += $2; r[NR] = $2 / $1 }
		END {
			n = asort_n(r, NR)
			med = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
			printf "- %s / specgen generation time: total %.2fx (%.3fs / %.3fs), median %.2fx\n", peer, p / s, p / 1e9, s / 1e9, med
		}
		# insertion sort: mawk has no asort
		function asort_n(a, n,   i, j, v) {
			for (i = 2; i <= n; i++) { v = a[i]; for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
			return n
		}'
done

echo
echo "Failures (tool, spec: first error):"
echo
if ((${#failures[@]} == 0)); then
	echo "none"
else
	printf -- '- %s\n' "${failures[@]}"
fi
