#!/usr/bin/env bash
# Placeholder until the database fixture lands: no database yet.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
: > postgres.env
