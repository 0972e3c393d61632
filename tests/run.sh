#!/usr/bin/env bash
# Runs every test, the PostgreSQL ones on a real throw-away server that this script starts and stops; first writes the
# SQL Server migration scripts (no SQL Server runs here; set NEEDLING_TEST_SQLSERVER to run the suite on one too).
# Usage: bash tests/run.sh [extra dotnet test arguments]
# Needs PostgreSQL 15+ server binaries, poppler-utils, the Thai and Japanese fonts, Chromium and python3-aiosmtpd; run as root, it installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need_pkgs=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql postgresql-contrib)
command -v pdftotext >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
# Fonts the PDF layer needs for Thai and Japanese (DejaVu for Latin ships with Debian); Noto core also covers Devanagari and Arabic names.
fc-list 2>/dev/null | grep -q "NotoSansThai" || need_pkgs+=(fonts-noto-core)
fc-list 2>/dev/null | grep -qi "ipag" || need_pkgs+=(fonts-ipafont-gothic)
# Hangul in patients' names (fonts-noto-core covers Devanagari and Arabic; Noto CJK is CFF, which PDFsharp cannot embed).
fc-list 2>/dev/null | grep -q "NanumGothic" || need_pkgs+=(fonts-nanum)
# The consent signing and follow-up pages are tested in Debian's headless chromium, driven by Playwright (which never downloads a browser of its own here).
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
# A real SMTP server on loopback for the aftercare e-mail tests.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need_pkgs+=(python3-aiosmtpd)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_pkgs[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "Please install: ${need_pkgs[*]} (e.g. sudo apt-get install ${need_pkgs[*]})" >&2
    exit 2
  fi
fi

pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdata=$(mktemp -d /tmp/needling-pg.XXXXXX)
port=${NEEDLING_PG_PORT:-$((20000 + RANDOM % 20000))}
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pgdata"
  as_pg=(su postgres -s /bin/sh -c)
else
  as_pg=(sh -c)
fi
"${as_pg[@]}" "$pgbin/initdb -D $pgdata -U postgres --auth=trust -E UTF8 >/dev/null"
"${as_pg[@]}" "$pgbin/pg_ctl -D $pgdata -l $pgdata/log -o '-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c max_connections=300 -c fsync=off' -w start >/dev/null"
cleanup() { "${as_pg[@]}" "$pgbin/pg_ctl -D $pgdata -m immediate stop >/dev/null" || true; rm -rf "$pgdata"; }
trap cleanup EXIT
export NEEDLING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=50"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

results="$root/TestResults"
rm -rf "$results"

# SQL Server: no server runs here, so CI builds its migrations assembly and writes the idempotent script of every module
# with the EF tools, as a DBA would apply it; any error fails the run. SqlServerScriptTests then parse the same scripts.
scripts="$results/sqlserver-scripts"
mkdir -p "$scripts"
dotnet tool restore >/dev/null
sqlserver=migrations/Needling.Migrations.SqlServer
out=$(dotnet build "$sqlserver" -c Release -nologo 2>&1) || { echo "$out"; echo "Building $sqlserver failed" >&2; exit 1; }
for ctx in Clinic Patients Protocols Booking Consent Sessions Aftercare; do
  out=$(dotnet ef migrations script --idempotent --no-build --configuration Release \
    --project "$sqlserver" --startup-project "$sqlserver" --context "${ctx}DbContext" --output "$scripts/$ctx.sql" 2>&1) \
    || { echo "$out"; echo "The SQL Server migration script for $ctx could not be generated" >&2; exit 1; }
  grep -q "CREATE TABLE" "$scripts/$ctx.sql" || { echo "The SQL Server migration script for $ctx creates no table" >&2; exit 1; }
done
echo "SQL Server idempotent migration scripts: $scripts/ ($(ls "$scripts" | wc -l) files)"

# Tests that measure something for the CI log (operations driven, requests sent) write a line here; it is printed before the totals.
export NEEDLING_TEST_REPORTS="$results/reports"
set +e
dotnet test Needling.sln -c Release --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results.log"
status=${PIPESTATUS[0]}
set -e

[ -f "$NEEDLING_TEST_REPORTS/report.txt" ] && cat "$NEEDLING_TEST_REPORTS/report.txt"

# The CI reads one plain line; dotnet test's own summary lines are per assembly.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    # xunit.v3's skipped tests are counted in total but not in executed (notExecuted stays 0).
    skipped += max(int(c.get("notExecuted", 0)), int(c.get("total", 0)) - int(c.get("executed", 0)))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
