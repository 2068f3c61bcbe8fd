#!/usr/bin/env bash
# Starts the whole TradingPlatform stack through the Aspire AppHost: PostgreSQL, Redis and RabbitMQ (local processes, or
# containers where a container runtime answers), api (8000), ai (8001), worker (8002) and the Aspire dashboard (18888).
# Installs what is missing first. Arguments are passed to the AppHost. Ctrl+C (or SIGTERM) stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/prerequisites.sh
tp_ensure_prerequisites

echo "[setup] building (Release)"
dotnet build TradingPlatform.AppHost/TradingPlatform.AppHost.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

# The AppHost's launch profile (TradingPlatform.AppHost/Properties/launchSettings.json, "http"), which `dotnet run` would
# apply: plain http locally, and the dashboard, its OTLP endpoints and its resource service on fixed ports.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:18888}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://localhost:18889}"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL:-http://localhost:18890}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://localhost:18891}"

# exec: the AppHost gets this script's pid, so a signal sent to ./run.sh reaches it directly (DCP, which runs every
# resource, watches that pid and stops them all when it goes, even after a SIGKILL).
# env --default-signal: a shell starts background jobs with SIGINT ignored, and .NET keeps an ignored SIGINT
# ignored; restoring the default lets Ctrl+C / kill -INT stop the stack however ./run.sh was started.
cd TradingPlatform.AppHost
exec env --default-signal=INT,QUIT dotnet bin/Release/net10.0/TradingPlatform.AppHost.dll "$@"
