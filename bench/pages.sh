#!/usr/bin/env bash
# Benchmark of every main page and API list on PostgreSQL, at one user and at 50 users at once.
#
# Usage: bench/pages.sh SIZE [DBNAME]
#   SIZE    alingsas (the demo), goteborg (bench/generate.sh 1) or goteborg10 (bench/generate.sh 10)
#   DBNAME  the database (default styr_bench_SIZE); created and filled by bench/generate.sh when it does not exist
# Starts Styr from the packaged jar (built when missing or older than the sources) with -Xmx512m on 127.0.0.1 and a
# free port, runs bench/PageBenchmark.java against it and stops it. The table (markdown) is printed and written to
# target/bench/pages-SIZE.md, the application's log to target/bench/pages-SIZE-app.log.
# Environment: BENCH_USERS (50), BENCH_LOAD_SECONDS (20 per page), BENCH_ONLY (page names, comma-separated),
#   STYR_GENERATE_PASSWORD (styr-demo), PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/empty).
# A whole run takes 10–15 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:?usage: bench/pages.sh alingsas|goteborg|goteborg10 [DBNAME]}"
case "$size" in
  alingsas) scale=demo ;;
  goteborg) scale=1 ;;
  goteborg10) scale=10 ;;
  *) echo "unknown size: $size (alingsas, goteborg or goteborg10)" >&2; exit 2 ;;
esac
db="${2:-styr_bench_$size}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
password="${STYR_GENERATE_PASSWORD:-styr-demo}"

jar=target/styr-0.1.0-SNAPSHOT.jar
if [[ ! -f "$jar" || -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  ./mvnw -q -B -DskipTests package
fi
if [[ -z "$(psql -XAtc "select 1 from pg_database where datname = '$db'" postgres)" ]]; then
  bench/generate.sh "$scale" "$db"
fi

mkdir -p target/bench
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log="target/bench/pages-$size-app.log"
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres \
  "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$db" "--spring.datasource.username=$PGUSER" \
  "--spring.datasource.password=${PGPASSWORD:-}" --styr.demo.enabled=false \
  --server.address=127.0.0.1 --server.port="$port" > "$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 180); do
  if grep -q "Started StyrApplication" "$log"; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 1
done

driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
java -Dbench.users="${BENCH_USERS:-50}" -Dbench.loadSeconds="${BENCH_LOAD_SECONDS:-20}" -Dbench.only="${BENCH_ONLY:-}" \
  -Dbench.password="$password" -cp "$driver" bench/PageBenchmark.java "http://127.0.0.1:$port" \
  "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$app" "$size ($db, commit $(git rev-parse --short HEAD))" "target/bench/pages-$size.md"
