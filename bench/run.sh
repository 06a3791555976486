#!/usr/bin/env bash
# Dropcart benchmarks, one command: bash bench/run.sh [boot|tus|all]   (default all)
#   boot  boot time and memory of Dropcart against a bare Payara Micro        (bench/boot.sh)
#   tus   tus ingest MB/s at 1, 8, 32 clients against @tus/server and a raw
#         fsync sink                                                          (bench/tus.sh)
# Each part rewrites only its own section of BENCHMARKS.md. Environment: RUNS (3) for both;
# CLIENTS ("1 8 32"), FILES (64) and SIZE (20971520) for tus. Needs Java 17, Maven, curl, Node 20.19+.
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-all}" in
  boot) bash boot.sh ;;
  tus) bash tus.sh ;;
  all) bash boot.sh && bash tus.sh ;;
  *) echo "usage: bash bench/run.sh [boot|tus|all]" >&2; exit 2 ;;
esac
