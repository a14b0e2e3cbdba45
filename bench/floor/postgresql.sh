#!/usr/bin/env bash
# Floor for `pifpaf run postgresql -- COMMAND`: copy a cluster initialised beforehand, start
# postgres on it directly, poll every 10 ms until it is ready, run COMMAND with PGHOST, PGPORT
# and PGDATABASE set, stop postgres with an immediate shutdown, remove the copy.
#
#   postgresql.sh --prepare TEMPLATE         initialise the cluster to copy (not timed)
#   postgresql.sh --template TEMPLATE COMMAND...
source "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 --prepare TEMPLATE | --template TEMPLATE COMMAND..." >&2
    exit 2
}

# The newest installed server's binaries (Debian installs them per major version).
bindir() {
    local dirs
    dirs=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dirs" ] || die "no PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql)"
    echo "$dirs"
}

# The same cluster pifpaf's driver creates: trust, superuser named after the caller, no fsync.
prepare() {
    local template=$1 bin
    bin=$(bindir)
    mkdir -p "$template"
    [ "$EUID" -ne 0 ] || chown nobody:nogroup "$template"
    # The same cluster as pifpaf's template, 1 MB WAL segments included.
    "${as_daemon_user[@]}" "$bin/initdb" -D "$template/pgdata" -A trust -U "$(id -un)" -E UTF8 --locale=C \
        --no-sync --no-instructions --wal-segsize=1 >/dev/null
    printf '\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$template/pgdata/postgresql.conf"
    echo "$bin" >"$template/bindir"
}

# postmaster.pid's eighth line says "ready" once connections are accepted.
ready() {
    local lines=()
    [ -f "$dir/pgdata/postmaster.pid" ] && mapfile -t lines <"$dir/pgdata/postmaster.pid"
    [[ ${lines[7]:-} == ready* ]]
}

case ${1:-} in
    --prepare)
        [ $# -eq 2 ] || usage
        prepare "$2"
        ;;
    --template)
        [ $# -ge 3 ] || usage
        template=$2
        shift 2
        read -r bin <"$template/bindir"
        new_dir postgresql unprivileged
        cp -a --reflink=auto "$template/pgdata" "$dir/pgdata"
        free_port
        # Dynamic shared memory in the cluster, as pifpaf's driver has it: after an immediate
        # shutdown, the default kind would stay in /dev/shm.
        launch "${as_daemon_user[@]}" "$bin/postgres" -D "$dir/pgdata" -k "$dir" -p "$port" -h 127.0.0.1 \
            -c dynamic_shared_memory_type=mmap
        poll ready
        export PGHOST=$dir PGPORT=$port PGDATABASE=postgres
        # SIGQUIT: immediate shutdown, no checkpoint; the data is thrown away.
        run_then_stop QUIT "$@"
        ;;
    *)
        usage
        ;;
esac
