# pifpaf's reaper: cleans up after a JVM that died without running any code (SIGKILL).
#
# The owner JVM writes one line per thing to clean, on this script's standard input:
#   +g PGID   a process group it started      -g PGID   that group is gone
#   +d DIR    a data directory it created     -d DIR    that directory is dealt with
# It also sends signals for the owner, which Java cannot do beyond TERM and KILL to one process:
#   s SIG TARGET   runs kill -s SIG -- TARGET (a pid, or -PGID for a group) and answers its
#                  exit status on a line of its standard output
# (kill -s SIG, not kill -SIG: dash's kill takes no "--" after -SIG, and a group needs the "--".)
# When the input ends while things are still recorded, the owner died: every recorded group
# gets SIGTERM, then SIGKILL; every process still working inside a recorded directory (one that
# left its group) gets SIGKILL; then the directories are removed, again until they are gone,
# and the files of /dev/shm that the groups had mapped.
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
        's '*)
            signal=${line#s }
            kill -s "${signal%% *}" -- "${signal#* }" 2>/dev/null
            echo $? ;;
    esac
done

[ -n "$groups$dirs" ] || exit 0

# What the recorded groups map from /dev/shm outlives them when they are killed (PostgreSQL's
# dynamic shared memory, which initdb's backends make there whatever the settings): note it now,
# to remove it once they are gone.
shm=
for p in /proc/[0-9]*; do
    read -r stat 2>/dev/null <"$p/stat" || continue
    set -- ${stat##*") "}
    case $nl$groups in *"$nl$3$nl"*) ;; *) continue ;; esac
    while read -r _ _ _ _ _ path; do
        case $path in
            /dev/shm/*" (deleted)") ;;
            /dev/shm/*) shm=$shm$path$nl ;;
        esac
    done 2>/dev/null <"$p/maps"
done

IFS=$nl
for g in $groups; do kill -s TERM -- "-$g" 2>/dev/null; done
i=0
while [ $i -lt 20 ]; do
    alive=
    for g in $groups; do kill -s 0 -- "-$g" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.05
    i=$((i + 1))
done
for g in $groups; do kill -s KILL -- "-$g" 2>/dev/null; done
# A killed process may still finish the system call it was in (cp creating a file, say): a file
# made after rm read its directory would stay. So kill and remove again until the directory is
# gone (a dead process has no working directory to find it by).
for d in $dirs; do
    i=0
    while [ -e "$d" ] && [ $i -lt 40 ]; do
        for p in /proc/[0-9]*; do
            cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
            case $cwd in "$d"|"$d"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
        done
        rm -rf -- "$d" 2>/dev/null || sleep 0.05
        i=$((i + 1))
    done
done
set -f
for f in $shm; do rm -f -- "$f"; done
