#!/usr/bin/env bash
# load.sh CLIENTS SECONDS [PATH]: CLIENTS curl loops request the page as one guest (cookie jar, browser User-Agent) for
# SECONDS; prints the number of requests and the p50/p90 in seconds.
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
OUT=${PROFILE_OUT:-/var/tmp/page-profile}
mkdir -p "$OUT"
JAR=$OUT/jar
URL=${SHOP_URL:-http://127.0.0.1:5000}/${3:-htc-one-mini-blue}
[ -f "$JAR" ] || curl -s -A "$UA" -c "$JAR" -b "$JAR" -o /dev/null "$URL"
end=$(( $(date +%s) + $2 ))
rm -f "$OUT"/times.*
for c in $(seq 1 "$1"); do
  ( while [ "$(date +%s)" -lt "$end" ]; do curl -s -A "$UA" -b "$JAR" -o /dev/null -w "%{time_total}\n" "$URL"; done ) > "$OUT/times.$c" &
done
wait
cat "$OUT"/times.* | sort -n | awk '{a[NR]=$1} END {print "n="NR, "p50="a[int(NR/2)], "p90="a[int(NR*0.9)]}'
