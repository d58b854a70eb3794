#!/usr/bin/env python3
"""Regenerates simulator/src/main/resources/power/mlenergy-v3-power.csv from the ML.ENERGY v3 table.

Usage: python3 calibration/power/extract_mlenergy_power.py /path/to/mlenergy_v3_llm_configurations.csv

Keeps, for every steady-state vLLM run, the GPU, the measured mean batch (running requests) and the
mean power per GPU (avg_power_watts is summed over num_gpus GPUs). fleetsim fits power per GPU
against ln(batch) from these rows at load time (io.fleetsim.cost.GpuPowerTable).
"""
import csv
import sys

src = sys.argv[1]
out = "simulator/src/main/resources/power/mlenergy-v3-power.csv"
rows = list(csv.DictReader(open(src, newline="")))
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["gpu", "model_id", "task", "num_gpus", "max_num_seqs", "avg_batch_size", "watts_per_gpu"])
    for r in rows:
        n = int(r["num_gpus"])
        w.writerow([r["gpu_model"], r["model_id"], r["task"], n, r["max_num_seqs"],
                    "%.3f" % float(r["avg_batch_size"]), "%.2f" % (float(r["avg_power_watts"]) / n)])
