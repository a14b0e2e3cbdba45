# pifpaf's client of the pifpaf server (docs/server.md), sourced by bin/pifpaf when a server's
# FIFO is there and PIFPAF_SERVER is not "off". pifpaf_client hands the run to the server and
# exits with the run's status; it returns only when pifpaf's JVM must do the run instead (the
# server says so, or no server this distribution can use runs), with the reason in
# pifpaf_fallback. Shell built-ins only, but for mkfifo and env: each process costs about a
# millisecond, and this is on the path of every short run.
#
# The protocol (see org.pifpaf.cli.server.Wire): the request goes in files beside the server's
# FIFO, which is private to the user (mode 0700: the server checks it), and one line on that FIFO
# names them; the answers come line by line on a FIFO of the client's own, values in printf %b
# form (decoded, never evaluated).

# pifpaf_client DIR SELF ARG...: run ARG... through the server in DIR, if it serves SELF's distribution.
pifpaf_client() {
    local dir=$1 self=$2 spid sstart shome tag base terminals= line pending= part at cpid= status sig= value
    shift 2
    pifpaf_fallback=
    if [ ! -d "$dir" ] || [ -h "$dir" ] || [ ! -O "$dir" ]; then
        pifpaf_fallback="$dir is not a directory of this user's"
        return 0
    fi
    IFS=' ' read -r spid sstart 2>/dev/null < "$dir/pid" || { pifpaf_fallback="no server runs in $dir"; return 0; }
    pifpaf_alive || { pifpaf_fallback="the server $spid is gone"; return 0; }
    if ! IFS= read -r shome 2>/dev/null < "$dir/home" || [ ! "$shome/bin/pifpaf" -ef "$self" ]; then
        pifpaf_fallback="the server serves another distribution ($shome)"
        return 0
    fi
    tag=c.$$.$RANDOM$RANDOM
    base=$dir/$tag
    [ -t 0 ] && terminals=0
    [ -t 1 ] && terminals=${terminals}1
    [ -t 2 ] && terminals=${terminals}2
    if ! printf '%s\0' pifpaf-client-1 "$PWD" "$terminals" "$@" > "$base.a" || ! command -p env -0 > "$base.e" \
            || ! command -p mkfifo "$base.r" || ! exec 4<>"$base.r" || ! exec 3<>"$dir/fifo"; then
        pifpaf_forget "$base" "cannot write a request in $dir"
        return 0
    fi 2>/dev/null
    trap 'pifpaf_signal 2' INT
    trap 'pifpaf_signal 15' TERM
    trap 'pifpaf_signal 1' HUP
    printf 'R %s\n' "$tag" >&3
    while :; do
        if IFS= read -r -u 4 -t 1 part; then
            line=$pending$part
            pending=
            case $line in
                'e '*) printf '%b' "${line#e }" >&2 ;;
                'o '*) printf '%b' "${line#o }" ;;
                'x '*)
                    line=${line#x }
                    printf -v value '%b' "${line#* }"
                    export "${line%% *}=$value" ;;
                'run '*)
                    at=${line#run }
                    if [ -z "$sig" ]; then
                        # The command as pifpaf's JVM runs it: in this process group (a terminal's
                        # Ctrl-C reaches it), with this standard input, without these FIFOs, not
                        # ignoring SIGINT as a background job would, and with the SHLVL the JVM got
                        # (bash's exec lowers it, but not in a subshell).
                        ( trap - INT QUIT; SHLVL=$((SHLVL - 1)); exec "${@:at+1}" ) 0<&0 3>&- 4>&- &
                        cpid=$!
                        wait "$cpid"
                        status=$?
                        [ -n "$sig" ] || printf 'D %s %s\n' "$tag" "$status" >&3
                    fi ;;
                'exit '*)
                    [ -z "$cpid" ] || wait "$cpid" 2>/dev/null
                    exit "${line#exit }" ;;
                fallback*)
                    printf -v value '%b' "${line#fallback}"
                    pifpaf_forget "$base" "the server sent the run back${value:+:$value}"
                    return 0 ;;
            esac
        else
            pending=$pending$part
            pifpaf_alive && continue
            if [ -n "$cpid" ] || [ -n "$sig" ]; then
                printf 'pifpaf: the pifpaf server (pid %s) died; its daemon was stopped with it\n' "$spid" >&2
                exit 1
            fi
            printf 'pifpaf: the pifpaf server (pid %s) is gone; running without it\n' "$spid" >&2
            pifpaf_forget "$base" "the server $spid died"
            return 0
        fi
    done
}

# Whether the server in spid is still the process that started at sstart (not a later one with its pid).
pifpaf_alive() {
    local stat fields IFS=' '
    read -r stat 2>/dev/null < "/proc/$spid/stat" || return 1
    fields=(${stat##*') '})
    [ "${fields[0]}" != Z ] && [ "${fields[19]}" = "$sstart" ]
}

# The first INT, TERM or HUP is the server's to act on (stop the start, or the command and the
# daemon), as pifpaf's JVM does; it answers with the exit status.
pifpaf_signal() {
    [ -z "$sig" ] || return 0
    sig=$1
    printf 'S %s %s\n' "$tag" "$1" >&3
}

# pifpaf_forget BASE WHY: back to how things were before the request; the JVM will run.
pifpaf_forget() {
    trap - INT TERM HUP
    exec 3>&- 4>&-
    rm -f -- "$1.a" "$1.e" "$1.r" 2>/dev/null
    pifpaf_fallback=${2# }
}
