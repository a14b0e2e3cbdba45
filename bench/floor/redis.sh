#!/usr/bin/env bash
# Floor for `pifpaf run redis -- COMMAND`: start redis-server without persistence on a free
# loopback port, poll every 10 ms until it answers PING, run COMMAND with PIFPAF_REDIS_PORT set,
# kill the server (it has nothing to save), remove its directory.
#
#   redis.sh COMMAND...
source "$(dirname "$0")/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
new_dir redis
free_port
launch redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize no --save '' --appendonly no
poll answers "$port" PING +PONG
export PIFPAF_REDIS_PORT=$port
run_then_stop KILL "$@"
