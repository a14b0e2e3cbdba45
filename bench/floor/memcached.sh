#!/usr/bin/env bash
# Floor for `pifpaf run memcached -- COMMAND`: start memcached on a free loopback port (as
# nobody when root: it refuses root), poll every 10 ms until it answers "version", run COMMAND
# with PIFPAF_MEMCACHED_PORT set, kill the server, remove its directory.
#
#   memcached.sh COMMAND...
source "$(dirname "$0")/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
new_dir memcached
free_port
user=()
[ "$EUID" -ne 0 ] || user=(-u nobody)
launch memcached -p "$port" -l 127.0.0.1 -U 0 "${user[@]}"
poll answers "$port" version VERSION
export PIFPAF_MEMCACHED_PORT=$port
run_then_stop KILL "$@"
