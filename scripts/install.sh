#!/usr/bin/env bash
# Installs `csp` on the PATH as a .NET tool built from this repository:
#   dotnet pack (for this machine's platform) → ./artifacts/tool → dotnet tool install --global
# Run it again after pulling to update. Uninstall: dotnet tool uninstall --global CommunitySafety.Cli
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "error: no csp package for $(uname -s) on $(uname -m); run it with 'dotnet run --project src/CommunitySafety.Cli -c Release -- …'" >&2; exit 1 ;;
esac

# A new version on every install, so that NuGet's cache never hands back an older build of the same version.
version="0.5.0-local.$(date -u +%Y%m%d%H%M%S)"
out=artifacts/tool
rm -rf "$out"
echo "Building csp $version for $rid (a few minutes; about four on a busy 2-core machine)…"
dotnet pack src/CommunitySafety.Cli -c Release -r "$rid" -o "$out" -p:Version="$version" --nologo -v quiet

dotnet tool uninstall --global CommunitySafety.Cli >/dev/null 2>&1 || true
dotnet tool install --global --add-source "$out" CommunitySafety.Cli --version "$version"

tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
"$tools/csp" --version >/dev/null
case ":$PATH:" in
  *":$tools:"*) echo "Installed: try 'csp demo' in an empty folder, then 'csp --help'." ;;
  *) echo "Installed in $tools, which is not on your PATH yet: add it, e.g."
     echo "  echo 'export PATH=\"\$PATH:$tools\"' >> ~/.bashrc && export PATH=\"\$PATH:$tools\""
     echo "then try 'csp demo' in an empty folder, and 'csp --help'." ;;
esac
