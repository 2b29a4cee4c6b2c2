#!/usr/bin/env bash
# Benchmark: 1 000 000 Kolada value rows (kpi, municipality, year, sex, value) read from Kolada's JSON pages and stored
# by the import's own code, against a bare `psql \copy` of the same rows into the same indexed table, in the same run.
# Target: the import at >= 70 % of the bare copy's speed. Needs PostgreSQL on 127.0.0.1:5432 (user $PGUSER, default
# postgres) and psql; uses a scratch database of its own (styr_kolada_bench) and drops its table afterwards.
# See src/test/java/se/styr/kolada/KoladaValueBenchmark.java and docs/kolada.md.
#
# Usage: bench/kolada-values.sh [rows] [database]
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  se.styr.kolada.KoladaValueBenchmark "$@"
