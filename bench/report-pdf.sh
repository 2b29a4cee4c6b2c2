#!/usr/bin/env bash
# Benchmark: the committee's interim report (Delårsbokslut) compiled to PDF, with JMH.
#   oneCommittee       one committee the size of VON (4 goals, 20 key figures, 60 units, 7 IK points, 10 assignments)
#   wholeMunicipality  10 such committees, one after the other
# Targets on the project's machine (2 cores): at most 1 s and 10 s per operation.
# The benchmark boots the whole application on an in-memory H2 database with the demo data and adds the 10 committees
# (se.styr.followup.bench.SyntheticCommittees); see src/test/java/se/styr/followup/bench/ReportBenchmark.java.
#
# Usage: bench/report-pdf.sh [--steps] [JMH options...]
#   --steps   also time the steps of oneCommittee (compileOnly, articleOnly, pdfOnly) to see which dominates
#   e.g.      bench/report-pdf.sh -wi 1 -i 2     (a quicker, rougher run)
# The PDFs of the 10 committees are written to target/bench/, JMH's results to target/bench/report-pdf.json.
set -euo pipefail
cd "$(dirname "$0")/.."

benchmarks='ReportBenchmark\.(oneCommittee|wholeMunicipality)$'
if [[ "${1:-}" == "--steps" ]]; then
  benchmarks='ReportBenchmark\.'
  shift
fi

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

# JMH's forked JVM inherits these JVM options (-Dbench.out: where the PDFs go).
exec java -Dbench.out=target/bench \
  -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main "$benchmarks" -rf json -rff target/bench/report-pdf.json "$@"
