#!/usr/bin/env bash
# Creates a PostgreSQL database with a municipality to measure Styr on.
#
# Usage: bench/generate.sh SCALE DBNAME
#   SCALE   1 = Göteborg as measured in issue 12 (2 035 units under 60 bodies, 22 131 goal objects, 196 468 yearly
#           values, an open interim-report round per committee: about 2 200 tasks); 10 = ten times that; a fraction
#           (0.1) a smaller one; "demo" = the demo municipality Alingsås kommun.
#   DBNAME  the database to create on $PGHOST (default 127.0.0.1:5432, user $PGUSER, default postgres). It must not
#           exist, or be empty.
# Environment: STYR_GENERATE_PASSWORD  the password of the users admin, controller, forvaltningschef, avdelningschef,
#           enhetschef, enhetschef2 and politiker (default styr-demo); STYR_GENERATE_SEED (default 12): the same scale
#           and seed give the same data. The jar is (re)built when missing or older than the sources.
# Takes about 1 minute at scale 1 and a few minutes at scale 10 (most of it in PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

scale="${1:?usage: bench/generate.sh SCALE DBNAME}"
db="${2:?usage: bench/generate.sh SCALE DBNAME}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

jar=target/styr-0.1.0-SNAPSHOT.jar
if [[ ! -f "$jar" || -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  ./mvnw -q -B -DskipTests package
fi

if [[ -z "$(psql -XAtc "select 1 from pg_database where datname = '$db'" postgres)" ]]; then
  psql -Xqc "create database \"$db\"" postgres
fi

common=(--spring.profiles.active=postgres
  "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$db?reWriteBatchedInserts=true"
  "--spring.datasource.username=$PGUSER" "--spring.datasource.password=${PGPASSWORD:-}"
  --server.port=0 --server.address=127.0.0.1)
if [[ "$scale" == "demo" ]]; then
  # the demo data loads on the first start into an empty database; once loaded, the application is stopped
  log=$(mktemp)
  java -Xmx512m -jar "$jar" "${common[@]}" --styr.demo.enabled=true > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if grep -q "Demodata för Alingsås kommun inläst" "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 1
  done
  kill "$pid"; wait "$pid" || true
  grep -E "Demodata" "$log" || { cat "$log"; exit 1; }
  rm -f "$log"
else
  java -Xmx1g -jar "$jar" "${common[@]}" --styr.demo.enabled=false --styr.generate.scale="$scale" \
    --styr.generate.seed="${STYR_GENERATE_SEED:-12}" --styr.generate.password="${STYR_GENERATE_PASSWORD:-styr-demo}" \
    --styr.generate.exit=true
fi
psql -Xqc "analyze" "$db"
psql -XAtc "select 'organisation: ' || (select count(*) from org_unit) || ' units, goal objects: ' || (select count(*) from goal_object)
  || ', yearly values: ' || (select count(*) from measure_value) || ', rounds: ' || (select count(*) from followup_round)
  || ', tasks: ' || (select count(*) from followup_task)" "$db"
