# Helpers for the floor scripts (sourced, not run): the least a shell script must do to start a
# daemon in a throw-away directory, wait until it answers, run a command against it and clean up.
# Every script runs as `<driver>.sh [--template DIR] COMMAND...`, mirroring
# `pifpaf run <driver> -- COMMAND...`, and exports the variables pifpaf would, so that the same
# client command works against both.
set -euo pipefail

daemon=
dir=

die() {
    echo "floor: $*" >&2
    if [ -n "$dir" ] && [ -f "$dir/log" ]; then
        tail -n 20 "$dir/log" >&2
    fi
    exit 1
}

# Whatever happens, nothing is left behind: the daemon is killed and its directory removed.
cleanup() {
    if [ -n "$daemon" ] && kill -0 "$daemon" 2>/dev/null; then
        kill -KILL "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    if [ -n "$dir" ]; then
        rm -rf "$dir"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The prefix that runs daemons which refuse root (PostgreSQL, MariaDB) as nobody when we are
# root, as pifpaf does. An array, not a function, so that a daemon started in the background is
# our direct child and $! its pid (bash would fork a subshell for a function).
as_daemon_user=()
if [ "$EUID" -eq 0 ]; then
    as_daemon_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi

# Sets $dir to a fresh directory; with "unprivileged", owned by the user as_daemon_user runs as.
new_dir() {
    dir=$(mktemp -d "${TMPDIR:-/tmp}/floor-$1.XXXXXX")
    if [ "${2:-}" = unprivileged ] && [ "$EUID" -eq 0 ]; then
        chown nobody:nogroup "$dir"
    fi
}

# Sets $port to a loopback port that refuses connections now. Picked in the kernel's ephemeral
# range because pifpaf claims its free ports below it, so the two never race for one.
free_port() {
    while :; do
        port=$((33000 + RANDOM % 27000))
        # Nothing listens yet on a port this script picked before: never hand it out twice.
        case " ${picked_ports:-} " in *" $port "*) continue ;; esac
        if ! : 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port"; then
            picked_ports="${picked_ports:-} $port"
            return
        fi
    done
}

# Starts the program "$@" (not a function) in the background with its output in $dir/log; its
# pid is $daemon.
launch() {
    : >"$dir/log"  # now, not in the child: the log may be polled before the child runs
    "$@" >>"$dir/log" 2>&1 &
    daemon=$!
}

# Runs "$@" every 10 ms until it succeeds; fails if the daemon dies or a minute passes.
poll() {
    local deadline=$((SECONDS + 60))
    until "$@"; do
        kill -0 "$daemon" 2>/dev/null || die "the daemon exited before it answered"
        [ "$SECONDS" -lt "$deadline" ] || die "the daemon did not answer within 60 s"
        sleep 0.01
    done
}

# True when TCP port $1 on 127.0.0.1 answers $2 with text starting with $3. Only that many
# characters are read: ZooKeeper's answer has no newline and the connection may stay open. No
# process is forked: bash's /dev/tcp.
answers() {
    local reply=
    { printf '%s\r\n' "$2" >&3 && IFS= read -r -t 2 -n "${#3}" reply <&3; } 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" || true
    [[ $reply == "$3" ]]
}

# True when file $1 contains $2 (read without forking).
log_has() {
    local text=
    IFS= read -r -d '' text <"$1" || true
    [[ $text == *"$2"* ]]
}

# Runs the command, stops the daemon with signal $1, and exits with the command's status.
run_then_stop() {
    local signal=$1 status=0
    shift
    "$@" || status=$?
    kill "-$signal" "$daemon"
    wait "$daemon" 2>/dev/null || true
    daemon=
    exit "$status"
}
