#!/usr/bin/env bash
# The web server against nginx, in the same run: wrk on the plan JSON and the plan
# page of seed 000 from `planwatch serve --demo`, and on nginx serving the same
# bytes from files. Rounds are interleaved (stack.md T22: the 2 cores are shared,
# so read the ratios). Prints requests/s, p99 latency and the ratio to nginx per
# URL, and the server's idle memory. Usage: bench/web_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
binary="$build/planwatch"
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-5}
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "web_bench: $tool is missing (tools/bootstrap.sh installs it)" >&2; exit 1; }
done
[[ -x "$binary" ]] || { echo "web_bench: build $binary first" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as another user
server_pid=""
nginx_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "$nginx_pid" ]] && kill -QUIT "$nginx_pid" 2>/dev/null || true
  sleep 0.3
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

port=$(free_port)
"$binary" serve --db "sqlite:$work/planwatch.db" --port "$port" --demo > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/server.log" && break; sleep 0.1; done
grep -q "listening on" "$work/server.log" || { cat "$work/server.log"; exit 1; }
base="http://127.0.0.1:$port"
sleep 1
idle_kb=$(awk '/VmRSS/{print $2}' "/proc/$server_pid/status")

# Seed 000 is the plan imported from samples/000_*.txt.
plan_id=$(curl -s "$base/api/v1/plans" | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p["source"]["file"].startswith("000_")))')
mkdir -p "$work/www/api/v1/plans" "$work/www/plans" "$work/ngx_tmp"
curl -s "$base/api/v1/plans/$plan_id" > "$work/www/api/v1/plans/$plan_id.json"
curl -s "$base/plans/$plan_id" > "$work/www/plans/$plan_id.html"

nginx_port=$(free_port)
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
daemon on;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    open_file_cache max=100;
    client_body_temp_path $work/ngx_tmp;
    proxy_temp_path $work/ngx_tmp;
    fastcgi_temp_path $work/ngx_tmp;
    uwsgi_temp_path $work/ngx_tmp;
    scgi_temp_path $work/ngx_tmp;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location = /api/v1/plans/$plan_id { default_type application/json; try_files /api/v1/plans/$plan_id.json =404; }
        location = /plans/$plan_id { default_type text/html; try_files /plans/$plan_id.html =404; }
    }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5
nginx_pid=$(cat "$work/nginx.pid")

# wrk's p99 as milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }
run() {  # url -> "rps p99ms"
  wrk -t2 -c32 -d1s "$1" > /dev/null 2>&1
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$1" 2>&1)
  local rps p99 errors
  rps=$(awk '/Requests\/sec/{print $2}' <<< "$out")
  p99=$(awk '$1=="99%"{print $2}' <<< "$out" | to_ms)
  errors=$(grep -cE 'Non-2xx|Socket errors' <<< "$out" || true)
  echo "$rps $p99 $errors"
}

declare -A ours_rps ours_p99 ref_rps
for path in "/api/v1/plans/$plan_id" "/plans/$plan_id"; do
  ours_rps[$path]=""; ours_p99[$path]=""; ref_rps[$path]=""
done
for round in $(seq 1 "$rounds"); do
  for path in "/api/v1/plans/$plan_id" "/plans/$plan_id"; do
    read -r r p e <<< "$(run "$base$path")"
    [[ "$e" == 0 && -n "$r" ]] || { echo "web_bench: errors from planwatch on $path (round $round)" >&2; tail -3 "$work/server.log" >&2; }
    ours_rps[$path]+="$r "; ours_p99[$path]+="$p "
    read -r r p e <<< "$(run "http://127.0.0.1:$nginx_port$path")"
    ref_rps[$path]+="$r "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf "web_bench: %s rounds of %ss, wrk -t2 -c32, medians (plan %s = seed 000)\n" "$rounds" "$seconds" "$plan_id"
printf "%-28s %12s %10s %12s %8s\n" "url" "planwatch/s" "p99 ms" "nginx/s" "ratio"
for path in "/api/v1/plans/$plan_id" "/plans/$plan_id"; do
  ours=$(median <<< "${ours_rps[$path]}")
  p99=$(median <<< "${ours_p99[$path]}")
  ref=$(median <<< "${ref_rps[$path]}")
  ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN{printf "%.2f", (b>0? a/b : 0)}')
  printf "%-28s %12.0f %10s %12.0f %8s\n" "$path" "$ours" "$p99" "$ref" "$ratio"
done
printf "idle server memory (RSS after start, before load): %.1f MB\n" "$(awk -v k="$idle_kb" 'BEGIN{print k/1024}')"
