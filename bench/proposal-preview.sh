#!/usr/bin/env bash
# Benchmark: a number changes in the proposal editor and the comparison follows, with JMH.
#   preview   one htmx request to /forslag/forhandsgranska over HTTP: Vänsterpartiet's 2026–2028 proposal as typed,
#             computed on its base with every check, beside the majority's budget and the published proposal, as HTML
# Target on the project's machine (2 cores): at most 100 ms per request.
# The benchmark boots the whole application on an in-memory H2 database with the demo data; see
# src/test/java/se/styr/proposals/bench/ProposalPreviewBenchmark.java for what is measured.
#
# Usage: bench/proposal-preview.sh [JMH options...]
#   e.g. bench/proposal-preview.sh -wi 2 -i 3     (a quicker, rougher run)
# JMH's results go to target/bench/proposal-preview.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'ProposalPreviewBenchmark\.' -rf json -rff target/bench/proposal-preview.json "$@"
