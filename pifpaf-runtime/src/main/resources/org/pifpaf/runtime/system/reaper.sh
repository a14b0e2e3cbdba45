# pifpaf's reaper: cleans up after a JVM that died without running any code (SIGKILL).
#
# The owner JVM writes one line per thing to clean, on this script's standard input:
#   +g PGID   a process group it started      -g PGID   that group is gone
#   +d DIR    a data directory it created     -d DIR    that directory is dealt with
# When the input ends while things are still recorded, the owner died: every recorded group
# gets SIGTERM, then SIGKILL; every process still working inside a recorded directory (one that
# left its group) gets SIGKILL; then the directories are removed.
trap '' INT HUP TERM QUIT PIPE
nl='
'
groups=
dirs=

# without LIST ITEM: LIST (newline-terminated items) less ITEM, in $result.
without() {
    rest=$1
    result=
    while [ -n "$rest" ]; do
        item=${rest%%"$nl"*}
        rest=${rest#*"$nl"}
        [ "$item" = "$2" ] || result=$result$item$nl
    done
}

while IFS= read -r line; do
    case $line in
        '+g '*) groups=$groups${line#+g }$nl ;;
        '-g '*) without "$groups" "${line#-g }"; groups=$result ;;
        '+d '*) dirs=$dirs${line#+d }$nl ;;
        '-d '*) without "$dirs" "${line#-d }"; dirs=$result ;;
    esac
done

[ -n "$groups$dirs" ] || exit 0

IFS=$nl
for g in $groups; do kill -TERM -- "-$g" 2>/dev/null; done
i=0
while [ $i -lt 20 ]; do
    alive=
    for g in $groups; do kill -0 -- "-$g" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.05
    i=$((i + 1))
done
for g in $groups; do kill -KILL -- "-$g" 2>/dev/null; done
for d in $dirs; do
    for p in /proc/[0-9]*; do
        cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
        case $cwd in "$d"|"$d"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
    done
    rm -rf -- "$d"
done
