#!/usr/bin/env bash
# Packs what bench/gpu/check.sh needs on a GPU machine that has Python PyTorch (CUDA) but no Java,
# Maven or network, into DIR (default .device, ignored by git): a Java 17 runtime (jlink), nas4j's
# jars and the few dependencies its non-Spark commands load, the GPU tests and JUnit's console
# launcher, Fashion-MNIST, and DJL's JNI sources (the C++ glue between DJL and libtorch).
#
# Why the JNI is built there: Maven Central has DJL's JNI for libtorch 2.7.1 and only the CPU
# libtorch; a GPU machine's PyTorch is another version, and a JNI built for 2.7.1 misses symbols of
# newer libtorch (7 of 2.13's). DJL's JNI sources compile unchanged against newer headers (checked
# against 2.13), so check.sh compiles them against the machine's own libtorch and points DJL at it
# (PYTORCH_LIBRARY_PATH): nas4j's Java code runs unchanged on that libtorch.
#
#   bench/gpu/bundle.sh DJL_SRC [DIR]   DJL_SRC: a checkout of deepjavalibrary/djl at the tag of
#                                       the DJL version in pom.xml (djl.version), e.g. v0.35.1
# Run `mvn install -DskipTests` (and `mvn -pl algos test-compile`) first. Kept under 64 MiB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${1:?usage: bench/gpu/bundle.sh DJL_SRC [DIR]}"
out="${2:-$root/.device}"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
djl_version="$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$root/pom.xml")"
rm -rf "$out" && mkdir -p "$out/lib" "$out/test" "$out/djl/src" "$out/djl/include" "$out/djl/jni"

# nas4j and the jars its commands load, less Spark's (sweeps are not run there) and the CPU natives.
cp "$root"/nas-cli/target/nas-cli-*-SNAPSHOT.jar "$out/lib/"
rm -f "$out"/lib/*-cluster.jar "$out"/lib/*-sources.jar
tr ':' '\n' <"$root/nas-cli/target/runtime-classpath.txt" | grep -E \
    '/nas-[a-z0-9]+-|/ai/djl/(api|pytorch/pytorch-engine)/|/jna-[0-9]|snakeyaml|commons-(configuration2|lang3|text|compress|io|codec|logging)|gson|error_prone|jgrapht|jheaps|apfloat|picocli|slf4j-(api|simple)' |
    xargs -I{} cp {} "$out/lib/"
(cd "$root/algos/target/test-classes" && jar cf "$out/test/nas-algos-tests.jar" .)
cp ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.11.4/*.jar "$out/test/"

# Java runtime: the modules nas4j uses (java.desktop: DJL's image classes), stripped, xz'd.
rm -rf /tmp/nas4j-jre && "$jdk/bin/jlink" --add-modules \
    java.base,java.logging,java.management,java.naming,java.sql,java.xml,java.desktop,jdk.unsupported,java.scripting,jdk.zipfs,java.net.http,jdk.crypto.ec,java.instrument,jdk.management \
    --strip-debug --no-man-pages --no-header-files --output /tmp/nas4j-jre/jre
strip --strip-unneeded /tmp/nas4j-jre/jre/lib/server/libjvm.so
tar -C /tmp/nas4j-jre -cf - jre | xz -6 -T0 >"$out/jre.tar.xz"
rm -rf /tmp/nas4j-jre

# DJL's JNI: sources, DJL's utils header, the JNI header javac generates, the JDK's jni.h.
cp "$src"/engines/pytorch/pytorch-native/src/main/native/* "$out/djl/src/"
cp "$src"/api/src/main/native/djl/utils.h "$out/djl/include/"
mkdir -p "$out/djl/include/djl" && mv "$out/djl/include/utils.h" "$out/djl/include/djl/"
cls="$(mktemp -d)"
javac -cp "$out/lib/api-$djl_version.jar" -sourcepath "$src/engines/pytorch/pytorch-engine/src/main/java" \
    "$src/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java" \
    -h "$out/djl/include" -d "$cls"
rm -rf "$cls"
cp "$jdk"/include/jni.h "$jdk"/include/linux/jni_md.h "$out/djl/jni/"

# Fashion-MNIST, decompressed then xz'd (4 MB smaller than Debian's .gz); check.sh gzips it back.
data="$(mktemp -d)"
for f in /usr/share/datasets/fashion-mnist/*-ubyte.gz; do
    zcat "$f" >"$data/$(basename "$f" .gz)"
done
tar -C "$data" -cf - . | xz -6 -T0 >"$out/fashion-mnist.tar.xz"
rm -rf "$data"
du -sh "$out"
