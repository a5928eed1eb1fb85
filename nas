#!/usr/bin/env bash
# nas: the nas4j command line. Builds the project when needed, then runs org.nas4j.cli.NasCli.
#
#   ./nas --help            commands and options
#   ./nas run --algo darts  toy-mode DARTS search + eval on Fashion-MNIST
#   NAS_CLASSPATH=my-algo.jar ./nas algos   lists the algorithms, a plug-in jar's among them
#
# Environment: JAVA_HOME (which java), NAS_XMX (Java heap, default 4g; tensors live outside it),
# NAS_MALLOC (auto, tcmalloc or glibc: the allocator of the tensors, see below),
# NAS_JAVA_OPTS (extra JVM options), MVN (maven command, default mvn),
# NAS_CLASSPATH (extra class path entries, ':'-separated, appended after nas4j's own: a plug-in
# algorithm's jar, which brings its classes, its META-INF/services entry and its confs/algos/*.yaml).
set -euo pipefail
shopt -s nullglob

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
target="$root/nas-cli/target"
classpath_file="$target/runtime-classpath.txt"
stamp="$target/nas-build.stamp"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn="${MVN:-mvn}"

cli_jar() {
    local jar
    for jar in "$target"/nas-cli-*.jar; do
        case "$jar" in *-sources.jar | *-javadoc.jar | *-tests.jar | *-cluster.jar) continue ;; esac
        [[ -f "$jar" ]] && { printf '%s\n' "$jar"; return 0; }
    done
    return 1
}

# A build is needed when the jar, the classpath file or one of its entries is missing (a moved
# clone, a cleaned module), or when a pom, a source file or a conf is newer than the last build.
needs_build() {
    cli_jar >/dev/null && [[ -f "$classpath_file" && -f "$stamp" ]] || return 0
    local entry
    IFS=: read -r -a entries <"$classpath_file" || true
    for entry in "${entries[@]}"; do
        [[ -e "$entry" ]] || return 0
    done
    local newer starts
    starts=("$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root/confs")
    newer="$(find "${starts[@]}" \( -name target -prune \) -o \( -type f \
        \( -path '*/src/*' -o -name pom.xml -o -name '*.yaml' \) -newer "$stamp" -print -quit \))"
    [[ -n "$newer" ]]
}

build() {
    local what="first run"
    [[ -f "$stamp" ]] && what="sources changed"
    echo "building nas4j ($what)..." >&2
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/nas-build.XXXXXX")"
    # Stamped with the start time, so that a file saved during the build triggers the next one.
    touch "$root/.nas/build.stamp.new"
    local args=(-q -B -ntp -f "$root/pom.xml" package -DskipTests -Dspotless.check.skip=true)
    # Offline first (fast, no network); online only when a dependency is not in ~/.m2 yet.
    if ! "$mvn" -o "${args[@]}" >"$log" 2>&1; then
        echo "offline build failed; retrying online to fetch dependencies..." >&2
        if ! "$mvn" "${args[@]}" >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            echo "nas: the build failed (output above)." >&2
            exit 1
        fi
    fi
    rm -f "$log"
    mv "$root/.nas/build.stamp.new" "$stamp"
}

# Memory allocator. libtorch takes every tensor from malloc; glibc's, in the JVM's threads, hands
# large freed blocks back to the kernel and faults them in again on the next step (2.3 M page
# faults in 23 DARTS eval steps against 0.5 M for Python PyTorch). gperftools' tcmalloc keeps
# them: the eval step (8 cells, 16 ch, batch 96, 2 threads) went from 590-620 ms to 495 ms and its
# peak RSS from 2.2 GB to 1.4 GB. Used when Debian's libtcmalloc-minimal4 is installed;
# NAS_MALLOC=glibc keeps glibc's, NAS_MALLOC=tcmalloc insists (an error when it is missing).
malloc_lib=""
case "${NAS_MALLOC:-auto}" in
    auto | tcmalloc)
        for lib in /usr/lib/*-linux-gnu/libtcmalloc_minimal.so.4 /usr/lib64/libtcmalloc_minimal.so.4; do
            [[ -f "$lib" ]] && { malloc_lib="$lib"; break; }
        done
        if [[ -z "$malloc_lib" && "${NAS_MALLOC:-auto}" == tcmalloc ]]; then
            echo "nas: NAS_MALLOC=tcmalloc but libtcmalloc_minimal.so.4 is not installed" \
                "(sudo apt-get install libtcmalloc-minimal4); NAS_MALLOC=glibc runs without it." >&2
            exit 1
        fi
        ;;
    glibc) ;;
    *)
        echo "nas: NAS_MALLOC must be auto, tcmalloc or glibc, not '${NAS_MALLOC}'." >&2
        exit 1
        ;;
esac

if needs_build; then
    mkdir -p "$root/.nas"
    # One build at a time when several ./nas start together; the second re-checks after the wait.
    if command -v flock >/dev/null; then
        exec 9>"$root/.nas/build.lock"
        flock 9
    fi
    if needs_build; then
        build
    fi
    exec 9>&-
fi

# The default dataset (Fashion-MNIST from Debian's dataset-fashion-mnist) for commands that train,
# unless another dataset or data directory is named: installed when possible, else the one command.
fmnist_dir=/usr/share/datasets/fashion-mnist
needs_fmnist() {
    local a trains=false
    for a in "$@"; do
        case "$a" in
            run | search | eval | bench) trains=true ;;
            --dataset | --dataset=* | --dataset.dataroot* | --conf | --conf=* | --help | -h) return 1 ;;
        esac
    done
    $trains && [[ ! -f "$fmnist_dir/train-images-idx3-ubyte.gz" ]]
}
if needs_fmnist "$@"; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "nas: Fashion-MNIST is missing; installing Debian's dataset-fashion-mnist..." >&2
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q dataset-fashion-mnist >&2; then
            apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dataset-fashion-mnist >&2
        fi
    else
        echo "nas: Fashion-MNIST is missing ($fmnist_dir). Install it with:" >&2
        echo "    sudo apt-get install dataset-fashion-mnist" >&2
        echo "or point --dataset.dataroot at a directory holding its IDX files." >&2
        exit 1
    fi
fi

# OpenMP waiting is left to libgomp's default (spin briefly, then sleep): on a quiet 2-core machine
# that ran the quick evaluation step at 2 threads in 0.29 s against 0.46 s with
# OMP_WAIT_POLICY=PASSIVE. On a machine busy with other work, export OMP_WAIT_POLICY=PASSIVE and
# pass --common.num_threads 1.

jar="$(cli_jar)"
# shellcheck disable=SC2086 # NAS_JAVA_OPTS is a list of options
# Apache Spark (nas sweep --engine spark) reflects into these JDK packages on Java 17.
spark_opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action \
    sun.util.calendar; do
    spark_opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
if [[ -n "$malloc_lib" ]]; then
    export LD_PRELOAD="$malloc_lib${LD_PRELOAD:+:$LD_PRELOAD}" # trial processes inherit it
fi
# A 32 MB young generation: DJL makes about 20 MB of short-lived Java objects a second, and G1
# let the young generation grow to 450 MB over 2,000 eval steps (RSS 608 -> 1,063 MB); capped at
# 128 MB RSS went 609 -> 703 MB at the same speed, at 32 MB a batch-2 eval run 552 -> 436 MB.
# Trial processes get the same cap; NAS_JAVA_OPTS comes later and can change it.
exec "$java" -Xmx"${NAS_XMX:-4g}" -XX:MaxNewSize=32m -Dai.djl.offline=true "${spark_opens[@]}" ${NAS_JAVA_OPTS:-} \
    -cp "$jar:$(<"$classpath_file")${NAS_CLASSPATH:+:$NAS_CLASSPATH}" org.nas4j.cli.NasCli "$@"
