#!/bin/bash
# needling-health [PATH] [PORT]: exit 0 when GET http://127.0.0.1:PORT/PATH answers 200, else 1.
# The aspnet image has no curl or wget; bash's /dev/tcp is enough for a probe.
# PATH defaults to /health/live; PORT to the first of ASPNETCORE_HTTP_PORTS, else 8080.
path="${1:-/health/live}"
ports="${ASPNETCORE_HTTP_PORTS:-8080}"
port="${2:-${ports%%[;,]*}}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" == HTTP/1.?" 200 "* ]]
