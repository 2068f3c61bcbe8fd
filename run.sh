#!/usr/bin/env bash
# Starts the whole TradingPlatform stack through the AppHost: PostgreSQL, Redis, RabbitMQ, api (8000), ai (8001),
# worker (8002). Installs what is missing first. Arguments are passed to the AppHost. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/prerequisites.sh
tp_ensure_prerequisites

echo "[setup] building (Release)"
dotnet build TradingPlatform.AppHost/TradingPlatform.AppHost.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

# exec: the AppHost gets this script's pid, so a signal sent to ./run.sh reaches it directly.
# env --default-signal: a shell starts background jobs with SIGINT ignored, and .NET keeps an ignored SIGINT
# ignored; restoring the default lets Ctrl+C / kill -INT stop the stack however ./run.sh was started.
cd TradingPlatform.AppHost
exec env --default-signal=INT,QUIT dotnet bin/Release/net10.0/TradingPlatform.AppHost.dll "$@"
