#!/usr/bin/env bash
# Floor for `pifpaf run mysql -- COMMAND`: copy a MariaDB data directory initialised
# beforehand, start mariadbd on it directly (Unix socket only, as pifpaf's default), poll every
# 10 ms until its socket exists, run COMMAND with PIFPAF_MYSQL_SOCKET set, kill the server (the
# data is thrown away), remove the copy.
#
#   mysql.sh --prepare TEMPLATE              initialise the data directory to copy (not timed)
#   mysql.sh --template TEMPLATE COMMAND...
source "$(dirname "$0")/common.sh"

# The redo log's default is 96 MiB; pifpaf's driver uses the same small size.
redo_log_size=--innodb-log-file-size=8M

usage() {
    echo "usage: $0 --prepare TEMPLATE | --template TEMPLATE COMMAND..." >&2
    exit 2
}

# The same data directory pifpaf's driver creates: root@localhost without a password.
prepare() {
    local template=$1
    mkdir -p "$template/tmp"
    [ "$EUID" -ne 0 ] || chown -R nobody:nogroup "$template"
    "${as_daemon_user[@]}" mariadb-install-db --no-defaults --datadir="$template/data" --tmpdir="$template/tmp" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve "$redo_log_size" >/dev/null
}

# mariadbd creates its socket once it is about to accept connections.
ready() {
    [ -S "$dir/mysql.socket" ]
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
        new_dir mysql unprivileged
        cp -a --reflink=auto "$template/data" "$template/tmp" "$dir/"
        launch "${as_daemon_user[@]}" /usr/sbin/mariadbd --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" \
            --socket="$dir/mysql.socket" --pid-file="$dir/mysqld.pid" --skip-name-resolve "$redo_log_size" \
            --skip-networking
        poll ready
        export PIFPAF_MYSQL_SOCKET=$dir/mysql.socket
        run_then_stop KILL "$@"
        ;;
    *)
        usage
        ;;
esac
