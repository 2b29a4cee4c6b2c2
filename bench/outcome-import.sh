#!/usr/bin/env bash
# Benchmark: a 10 000-row outcome file (utfall) imported from Excel end to end, with JMH.
#   importOutcomes   read the .xlsx, check every cell, replace the rows in the database (one transaction, audited)
#   parseAndCheck    the same file with one bad cell in its last row: read and checked in full, nothing written
# Target on the project's machine (2 cores): at most 2 s per import.
# The benchmark boots the whole application on an in-memory H2 database with the demo data; see
# src/test/java/se/styr/economy/bench/OutcomeImportBenchmark.java for what is measured.
#
# Usage: bench/outcome-import.sh [JMH options...]
#   e.g. bench/outcome-import.sh -wi 2 -i 3     (a quicker, rougher run)
# JMH's results go to target/bench/outcome-import.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'OutcomeImportBenchmark\.' -rf json -rff target/bench/outcome-import.json "$@"
