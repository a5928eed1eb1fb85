#!/usr/bin/env bash
# nas4j's GPU check, run from the repository root on a machine with an NVIDIA GPU and Python
# PyTorch (CUDA) but no Java or Maven, with the bundle bench/gpu/bundle.sh made (default .device):
#   1. builds DJL's JNI against this machine's libtorch (g++, the sources in the bundle), unpacks
#      the Java runtime and Fashion-MNIST (to /usr/share/datasets/fashion-mnist when absent);
#   2. DJL's own CUDA probe, then the JUnit tests tagged gpu (GpuPathTest: CPU = GPU gradients,
#      flat arrays and GPU memory over 300 second-order steps);
#   3. `nas run --algo darts` (toy mode, real data) on the GPU, as a user runs it;
#   4. bench/compare.py --device cuda: nas4j against PyTorch on the same GPU, same steps;
#   5. (stage "layout", not by default) the eval steps again with both sides channels-last.
# Logs go to $OUT (the device tool's folder) or /tmp/nas4j-gpu. Each stage has a time limit and
# the whole run ends by NAS_GPU_DEADLINE seconds (default 540). NAS_GPU_STAGES picks stages
# (default "tests run compare"); NAS_TORCH_DIR names another torch package folder.
set -uo pipefail
bundle="$(cd "${1:-.device}" && pwd)" || exit 1
out="${OUT:-/tmp/nas4j-gpu}"
mkdir -p "$out"
deadline=${NAS_GPU_DEADLINE:-540}
stages=" ${NAS_GPU_STAGES:-tests run compare} "
work=/tmp/nas4j-gpu-work
rm -rf "$work" && mkdir -p "$work/jni" "$work/cudart"
exec > >(tee "$out/check.log") 2>&1

say() { echo "== $(date +%T) +${SECONDS}s $*"; }
# timeout for a stage: its own limit, or what is left before the deadline (5 s at least)
limit() {
    local l=$((deadline - SECONDS))
    ((l < 5)) && l=5
    ((l < $1)) && echo "$l" || echo "$1"
}

say "machine"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv 2>&1
echo "cpus: $(nproc)"
py=python3
if [[ -n "${NAS_TORCH_DIR:-}" ]]; then
    torch_dir="$NAS_TORCH_DIR"
    abi=1
else
    torch_dir="$($py -c 'import torch, os; print(os.path.dirname(torch.__file__))')"
    abi="$($py -c 'import torch; print(int(torch.compiled_with_cxx11_abi()))')"
fi
torch_version="$(sed -n "s/^__version__ = '\([0-9.]*\).*/\1/p" "$torch_dir/version.py")"
$py -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn",
    torch.backends.cudnn.version(), "gpu", torch.cuda.is_available())' 2>&1
echo "torch folder: $torch_dir (libtorch $torch_version)"

say "unpack the Java runtime and Fashion-MNIST; build DJL's JNI against this libtorch"
tar -xJf "$bundle/jre.tar.xz" -C "$work" &
jre_pid=$!
data=/usr/share/datasets/fashion-mnist
if [[ ! -f "$data/train-images-idx3-ubyte.gz" ]]; then
    (mkdir -p "$data" "$work/fm" && tar -xJf "$bundle/fashion-mnist.tar.xz" -C "$work/fm" &&
        for f in "$work"/fm/*-ubyte; do gzip -1 -c "$f" >"$data/$(basename "$f").gz"; done &&
        rm -rf "$work/fm") &
    data_pid=$!
else
    data_pid=""
fi
flags=(-std=c++17 -O2 -fPIC -w "-D_GLIBCXX_USE_CXX11_ABI=$abi" -I"$bundle/djl/include"
    -I"$bundle/djl/jni" -I"$torch_dir/include" -I"$torch_dir/include/torch/csrc/api/include")
build_ok=true
ls "$bundle"/djl/src/*.cc | xargs -P "$(nproc)" -I{} bash -c \
    'g++ "$@" -c {} -o "'"$work"'/jni/$(basename {} .cc).o" >"'"$work"'/jni/$(basename {}).log" 2>&1' \
    _ "${flags[@]}"
for f in "$bundle"/djl/src/*.cc; do
    o="$work/jni/$(basename "$f" .cc).o"
    if [[ ! -f "$o" ]]; then
        build_ok=false
        echo "JNI: $(basename "$f") did not compile:"
        grep -m 20 -E 'error' "$work/jni/$(basename "$f").log"
    fi
done
$build_ok && g++ -shared -o "$work/jni/libdjl_torch.so" "$work"/jni/*.o -L"$torch_dir/lib" \
    -ltorch -ltorch_cpu -lc10 -Wl,-rpath,"$torch_dir/lib" || build_ok=false
wait "$jre_pid"
[[ -n "$data_pid" ]] && wait "$data_pid"
if ! $build_ok; then
    say "the JNI did not build; stopping"
    exit 1
fi
# DJL takes the JNI from the folder PYTORCH_LIBRARY_PATH names when it is there; that folder's
# libraries find CUDA's through their RUNPATH ($ORIGIN), so the JNI goes next to them when the
# folder is writable, else into a folder of links (CUDA's libraries then on LD_LIBRARY_PATH).
libdir="$torch_dir/lib"
if ! cp "$work/jni/libdjl_torch.so" "$libdir/" 2>/dev/null; then
    libdir="$work/torchlib"
    mkdir -p "$libdir"
    ln -s "$torch_dir"/lib/* "$libdir/"
    cp "$work/jni/libdjl_torch.so" "$libdir/"
fi
site="$(dirname "$torch_dir")"
cuda_libs="$(find "$site/nvidia" -maxdepth 3 -type d -name lib 2>/dev/null | paste -sd:)"
export LD_LIBRARY_PATH="$cuda_libs:/usr/local/cuda/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# DJL counts GPUs through cudart (JNA, by the unversioned name): link the newest one found.
cudart="$(find "$site/nvidia" /usr/local/cuda/lib64 -name 'libcudart.so*' 2>/dev/null | sort -V | tail -1)"
[[ -n "$cudart" ]] && ln -sf "$cudart" "$work/cudart/libcudart.so"
echo "JNI: $libdir/libdjl_torch.so; cudart: ${cudart:-none}"
export PYTORCH_LIBRARY_PATH="$libdir" PYTORCH_VERSION="$torch_version"

java="$work/jre/bin/java"
cp="$(ls "$bundle"/lib/*.jar | paste -sd:)"
jvm=(-Xmx8g -XX:MaxNewSize=32m -Dai.djl.offline=true "-Djna.library.path=$work/cudart")
nas=("$java" "${jvm[@]}" -cp "$cp" org.nas4j.cli.NasCli)

say "DJL's CUDA probe"
timeout 60 "$java" "${jvm[@]}" -cp "$cp" ai.djl.util.cuda.CudaUtils 2>&1 | tail -5
timeout 60 "${nas[@]}" --version 2>&1 | tail -5

if [[ "$stages" == *" tests "* ]]; then
    say "JUnit tests tagged gpu"
    timeout "$(limit 200)" "$java" "${jvm[@]}" -jar "$bundle"/test/junit-platform-console-standalone-*.jar \
        execute --class-path "$cp:$bundle/test/nas-algos-tests.jar" \
        --select-class org.nas4j.algos.darts.GpuPathTest --include-tag gpu \
        --details=tree --disable-banner 2>&1 | grep -v -E '^\[main\] (INFO|WARN)' | tee "$out/gpu-tests.log" | tail -40
fi

if [[ "$stages" == *" run "* ]]; then
    say "nas run --algo darts (toy mode, Fashion-MNIST) on the GPU"
    start=$SECONDS
    (cd "$work" && timeout "$(limit 180)" "${nas[@]}" run --algo darts --common.logdir "$work/runs") \
        >"$out/toy-run.log" 2>&1
    echo "exit $? after $((SECONDS - start)) s"
    grep -E 'device|search:|eval:|test accuracy|  (normal|reduce)|^ +n[0-9]' "$out/toy-run.log" | head -30
    cp "$work"/runs/*/summary.json "$out/toy-summary.json" 2>/dev/null
    exp="$(ls -d "$work"/runs/*/ 2>/dev/null | head -1)"
    if [[ -n "$exp" ]]; then
        say "the GPU-trained network predicts the test set on the GPU, then on the CPU"
        test_images="$data/t10k-images-idx3-ubyte.gz"
        timeout "$(limit 60)" "${nas[@]}" predict --exp "$exp" --input "$test_images" \
            -o "$work/pred-gpu.csv" 2>&1 | grep -v Warning
        CUDA_VISIBLE_DEVICES= timeout "$(limit 90)" "${nas[@]}" predict --exp "$exp" \
            --input "$test_images" -o "$work/pred-cpu.csv" 2>&1 | grep -v Warning
        $py - "$work/pred-gpu.csv" "$work/pred-cpu.csv" <<'PY'
import csv, sys
g, c = ([r for r in csv.DictReader(open(f))] for f in sys.argv[1:3])
same = sum(a["class"] == b["class"] for a, b in zip(g, c))
diff = max(abs(float(a["probability"]) - float(b["probability"])) for a, b in zip(g, c))
print(f"GPU and CPU predictions: {len(g)} / {len(c)} rows, same class {same}, "
      f"largest probability difference {diff:.2e}")
PY
    fi
fi

if [[ "$stages" == *" compare "* ]]; then
    say "nas4j against PyTorch on the GPU (bench/compare.py --device cuda)"
    timeout "$(limit 400)" $py bench/compare.py --device cuda --python "$py" --rounds "${NAS_GPU_ROUNDS:-1}" \
        --threads 4 --steps 10 --eval-steps 20 --markdown --nas "${nas[*]}" 2>&1 | tee "$out/compare.log"
fi

if [[ "$stages" == *" layout "* ]]; then
    say "eval steps with both sides channels-last on the GPU"
    timeout "$(limit 300)" $py bench/compare.py --device cuda --python "$py" --rounds 1 \
        --cases eval8,eval20 --memory-format channels_last --pytorch-channels-last \
        --threads 4 --eval-steps 20 --markdown --nas "${nas[*]}" 2>&1 | tee "$out/layout.log"
fi
say "done"
