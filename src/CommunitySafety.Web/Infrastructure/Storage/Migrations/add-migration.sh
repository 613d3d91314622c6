#!/usr/bin/env bash
# Adds a migration NAME of the web tables (WebDbContext) for both providers after a change to the model:
#   bash src/CommunitySafety.Web/Infrastructure/Storage/Migrations/add-migration.sh AddSomething
# Needs dotnet-ef 10.0.15 (dotnet tool install --global dotnet-ef --version 10.0.15). The PostgreSQL factory only
# builds the model: no server is needed to add a migration.
set -euo pipefail
name="${1:?usage: add-migration.sh MigrationName}"
cd "$(dirname "$0")/../../.."
export PATH="$PATH:$HOME/.dotnet/tools"
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --context "${provider}WebDbContext" --configuration Release \
    --output-dir "Infrastructure/Storage/Migrations/$provider" --namespace "CommunitySafety.Web.Infrastructure.Storage.Migrations.$provider"
  # With --namespace the tool writes the model snapshot under a folder named after the namespace: move it home.
  if [ -d "CommunitySafety/Web/Infrastructure/Storage/Migrations/$provider" ]; then
    mv "CommunitySafety/Web/Infrastructure/Storage/Migrations/$provider"/*.cs "Infrastructure/Storage/Migrations/$provider/"
  fi
done
rm -rf CommunitySafety
