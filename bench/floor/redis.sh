#!/usr/bin/env bash
# Floor for `pifpaf run redis -- COMMAND` and, as valkey.sh (a link to this script), for
# `pifpaf run valkey -- COMMAND`: start redis-server (valkey-server) without persistence on a
# free loopback port, poll every 10 ms until it answers PING, run COMMAND with PIFPAF_REDIS_PORT
# (PIFPAF_VALKEY_PORT) set, kill the server (it has nothing to save), remove its directory.
#
#   redis.sh COMMAND...
#   valkey.sh COMMAND...
source "$(dirname "$0")/common.sh"

flavour=$(basename "$0" .sh)  # redis or valkey: the same server under two names
[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
new_dir "$flavour"
free_port
launch "$flavour-server" --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize no --save '' --appendonly no
poll answers "$port" PING +PONG
export "PIFPAF_${flavour^^}_PORT=$port"
run_then_stop KILL "$@"
