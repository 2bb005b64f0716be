#!/usr/bin/env bash
# Builds the plugin in Release and writes artifacts/Misc.Personalization.zip (Admin → Local plugins → "Upload plugin or theme").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet restore "$root/Nop.Plugin.Misc.Personalization/Nop.Plugin.Misc.Personalization.csproj" --nologo -v:q
dotnet msbuild "$root/build/Package.proj" -t:Package -nologo -v:m "$@"
