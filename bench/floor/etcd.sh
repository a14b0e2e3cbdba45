#!/usr/bin/env bash
# Floor for `pifpaf run etcd -- COMMAND`: start a single etcd member on free loopback ports with
# a short election timeout (a lone member has nobody to wait for, yet by default takes up to a
# second to elect itself), poll its log every 10 ms until it serves clients, run COMMAND with
# ETCDCTL_ENDPOINTS and ETCDCTL_API set as pifpaf exports them, kill etcd, remove its directory.
#
#   etcd.sh COMMAND...
source "$(dirname "$0")/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
new_dir etcd
free_port
client=http://127.0.0.1:$port
free_port
peer=http://127.0.0.1:$port
launch etcd --name floor --data-dir "$dir/member" --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" --initial-cluster "floor=$peer" \
    --initial-cluster-state new --logger zap --log-outputs stderr --heartbeat-interval 10 --election-timeout 100
poll log_has "$dir/log" "serving client traffic"
export ETCDCTL_ENDPOINTS=http://localhost:${client##*:} ETCDCTL_API=3
run_then_stop KILL "$@"
