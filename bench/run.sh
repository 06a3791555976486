#!/usr/bin/env bash
# Dropcart benchmarks, one command: bash bench/run.sh [boot|tus|cluster|grouping|fanout|carts|imports|faas|load|all]   (default all)
#   boot  boot time and memory of Dropcart against a bare Payara Micro        (bench/boot.sh)
#   tus   tus ingest MB/s at 1, 8, 32 clients against @tus/server and a raw
#         fsync sink                                                          (bench/tus.sh)
#   cluster   tus ingest MB/s into one node and into two clustered nodes, same run,
#             production profile (PostgreSQL on 127.0.0.1:5432 needed)          (bench/cluster.sh)
#   grouping  timestamp-grouping over 1,000,000 records against set-based SQL (bench/grouping.sh)
#   fanout    result-ready to 5,000 WebSocket clients against a Node ws broadcast (bench/fanout.sh)
#   carts     cart bundling of 1 GiB (1,000 and 10 files) against GNU tar       (bench/carts.sh)
#   imports   import + unpack of a 500 MB tar.gz of 5,000 files against curl | tar -xz (bench/imports.sh)
#   faas      function-call latency and throughput per preload policy, 1 and 8 workers,
#             against forking the process directly                           (bench/faas.sh)
#   load      200 clients in 10 pools uploading 1 MiB files for 5 min while grouping, dispatch and
#             carts run; latency, errors, RSS and descriptors; against the raw fsync sink (bench/load.sh)
# Each part rewrites only its own section of BENCHMARKS.md. Environment: RUNS (3) for every part;
# CLIENTS ("1 8 32"), FILES (64) and SIZE (20971520) for tus; N (1000000) and CHUNK (5000) for
# grouping; CLIENTS (5000) and MEMBERS (50) for fanout; SETS ("many few") for carts; IMPORT_FILES
# (5000) and IMPORT_SIZE (100000) for imports; CALLS (200), POLICIES, WORKERS for faas. Needs Java
# 17, Maven, curl, Node 20.19+, python3.
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-all}" in
  boot) bash boot.sh ;;
  tus) bash tus.sh ;;
  cluster) bash cluster.sh ;;
  grouping) bash grouping.sh ;;
  fanout) bash fanout.sh ;;
  carts) bash carts.sh ;;
  imports) bash imports.sh ;;
  faas) bash faas.sh ;;
  load) bash load.sh ;;
  all) bash boot.sh && bash tus.sh && bash cluster.sh && bash grouping.sh && bash fanout.sh && bash carts.sh && bash imports.sh && bash faas.sh && bash load.sh ;;
  *) echo "usage: bash bench/run.sh [boot|tus|cluster|grouping|fanout|carts|imports|faas|load|all]" >&2; exit 2 ;;
esac
