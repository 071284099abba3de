#!/usr/bin/env bash
# Runs the ONNX decoding engine and its benchmark on an NVIDIA GPU machine in one go:
#   1. builds the inference worker with ONNX Runtime's CUDA build (-Pcuda),
#   2. generates the Qwen2-0.5B-shaped random-weight export (or uses MODEL_DIR),
#   3. runs the same benchmark as `./hk bench inference` on device cuda:0 and then on cpu, side by side,
#      writing bench/results/inference-gpu.json and bench/results/inference-gpu-cpu.json.
# Needs: Java 17+, Maven Central reachable (or a mirror holding com.microsoft.onnxruntime:onnxruntime_gpu),
# the CUDA 12 runtime and cuDNN 9 that ONNX Runtime's CUDA provider links against, an NVIDIA driver, and
# python3 with torch + onnx for step 2 (or MODEL_DIR pointing at an existing export).
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL_DIR=${MODEL_DIR:-$PWD/.hk/models/qwen2-0.5b-random}
PYTHON=${PYTHON:-python3}

command -v java >/dev/null || { echo "java 17+ is required" >&2; exit 1; }
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || { echo "no NVIDIA GPU visible" >&2; exit 1; }

./mvnw -B -q -DskipTests -Pcuda -pl inference-service -am package

if [[ ! -f $MODEL_DIR/model.onnx ]]; then
  "$PYTHON" tools/make-test-decoder.py --preset qwen2-0.5b --out "$MODEL_DIR"
fi

app=inference-service/target/quarkus-app
cp="$app/app/*:$app/lib/boot/*:$app/lib/main/*:$app/quarkus/*"
java -Xmx8g -cp "$cp" hk.hkgai.inference.bench.InferenceBench "$MODEL_DIR" bench/results/inference-gpu.json cuda:0
java -Xmx8g -cp "$cp" hk.hkgai.inference.bench.InferenceBench "$MODEL_DIR" bench/results/inference-gpu-cpu.json cpu
echo "results: bench/results/inference-gpu.json (cuda:0) and bench/results/inference-gpu-cpu.json (cpu, same machine)"
