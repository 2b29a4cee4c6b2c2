#!/usr/bin/env bash
# Benchmark: requests per second to a small API endpoint with a personal API token (Bearer) against HTTP Basic, with JMH.
#   token       GET /api/v1/substitutes with Authorization: Bearer <token> (a SHA-256 and an indexed lookup)
#   basicAuth   the same with HTTP Basic (a BCrypt check of the password on every request)
# Four client threads over 127.0.0.1; the application boots once on an in-memory H2 database with the demo data.
# See src/test/java/se/styr/accounts/bench/ApiAuthBenchmark.java.
#
# Usage: bench/api-auth.sh [JMH options...]
#   e.g. bench/api-auth.sh -wi 2 -i 3     (a quicker, rougher run)
# JMH's results go to target/bench/api-auth.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'ApiAuthBenchmark\.' -rf json -rff target/bench/api-auth.json "$@"
