#!/usr/bin/env bash
# Regenerates the compiled EF Core models of every module context for SQLite (start-up speed; see
# migrations/README.md). Run after any model change, like add-migration.sh; a test fails while they are stale.
# Usage: bash migrations/optimize-sqlite.sh [Context...]
set -euo pipefail
cd "$(dirname "$0")/.."
contexts=("$@")
[ ${#contexts[@]} -gt 0 ] || contexts=(Clinic Patients Protocols Booking Consent Sessions Aftercare)
dotnet tool restore >/dev/null
project=migrations/Needling.Migrations.Sqlite
export NeedlingEfOptimize=true   # builds without the compiled models being regenerated (see the .csproj)
for ctx in "${contexts[@]}"; do
  rm -rf "$project/CompiledModels/$ctx"
  dotnet ef dbcontext optimize \
    --project "$project" --startup-project "$project" \
    --context "${ctx}DbContext" --output-dir "CompiledModels/$ctx" \
    --namespace "Needling.Migrations.Sqlite.CompiledModels.$ctx" \
    --nativeaot
  # EF would pick a compiled model up by this attribute for any provider if it sat in the context's assembly;
  # it is SQLite-only, so the service applies it explicitly (SqliteCompiledModels.cs) and the attribute goes.
  rm "$project/CompiledModels/$ctx/${ctx}DbContextAssemblyAttributes.cs"
  # --nativeaot makes property getters and setters plain code (no expression trees compiled at start-up);
  # the generator declares their holders public, which C# refuses for our internal entity types.
  sed -i 's/^    public static class \(.*UnsafeAccessors\)$/    internal static class \1/' "$project/CompiledModels/$ctx/"*UnsafeAccessors.cs
done
