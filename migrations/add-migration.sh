#!/usr/bin/env bash
# Adds a migration named $1 for every module context on all three providers (SQLite, PostgreSQL, SQL Server).
# None of them needs a running database: the design-time factories open no connection.
# Usage: bash migrations/add-migration.sh AddSomething [Context...]
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}
shift || true
contexts=("$@")
[ ${#contexts[@]} -gt 0 ] || contexts=(Clinic Patients Protocols Booking Consent Sessions Aftercare)
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  for ctx in "${contexts[@]}"; do
    dotnet ef migrations add "$name" \
      --project "migrations/Needling.Migrations.$provider" \
      --startup-project "migrations/Needling.Migrations.$provider" \
      --context "${ctx}DbContext" --output-dir "$ctx"
  done
done
# The service runs on SQLite with models compiled from the code: bring them up to date with it too.
bash migrations/optimize-sqlite.sh "${contexts[@]}"
