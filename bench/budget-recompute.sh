#!/usr/bin/env bash
# Benchmark: one input of the resource allocation model changes and the whole budget is recomputed, with JMH.
#   pkvShareChanged    the share of PKV switches between 50 % and 100 %
#   populationChanged  one population figure changes by one person
#   allocationOnly     only the model (checked and computed), for comparison
# A synthetic municipality in memory: 15 committees, 3 years, 7 age groups, 5 targeted allocations, the typed result,
# balance and cash-flow lines, 60 investment lines and 15 committee detail budgets. Target: at most 5 ms per recompute.
# See src/test/java/se/styr/economy/bench/BudgetRecomputeBenchmark.java.
#
# Usage: bench/budget-recompute.sh [JMH options...]     e.g. bench/budget-recompute.sh -wi 2 -i 3 (quicker, rougher)
# JMH's results go to target/bench/budget-recompute.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'BudgetRecomputeBenchmark\.' -rf json -rff target/bench/budget-recompute.json "$@"
