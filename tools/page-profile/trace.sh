#!/usr/bin/env bash
# trace.sh NAME: a 20 s dotnet-trace of the running shop ($SHOP_PID or the e2e shop's pid file) with 4 clients loading
# the product page for 17 s inside it, converted to speedscope; then: python3 cpu_by_category.py NAME.speedscope.json N
# (N = the request count trace.sh prints). Needs: dotnet tool install -g dotnet-trace --version 10.0.750501
set -eu
export PATH=$PATH:/root/.dotnet/tools
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${PROFILE_OUT:-/var/tmp/page-profile}
PID=${SHOP_PID:-$(cat /var/tmp/personalization-e2e-shop/shop.pid)}
mkdir -p "$OUT" && cd "$OUT"
"$HERE/load.sh" 4 8 > /dev/null
dotnet-trace collect -p "$PID" --duration 00:00:00:20 -o "$1.nettrace" > /dev/null 2>&1 &
sleep 1.5
"$HERE/load.sh" 4 17 | tee "load-$1.txt"
wait
dotnet-trace convert "$1.nettrace" --format Speedscope -o "$1" > /dev/null 2>&1
echo "$OUT/$1.speedscope.json"
