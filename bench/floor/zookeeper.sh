#!/usr/bin/env bash
# Floor for `pifpaf run zookeeper -- COMMAND`: start a standalone ZooKeeper (Debian's jars) on
# a free loopback port, poll every 10 ms until it answers "srvr" with its version, run COMMAND
# with PIFPAF_ZOOKEEPER_PORT set, kill the server's JVM, remove its directory. Not "ruok": its
# "imok" comes as soon as the port listens, before the server serves (a client's request then
# gets "This ZooKeeper instance is not currently serving requests").
#
#   zookeeper.sh COMMAND...
source "$(dirname "$0")/common.sh"

classpath=/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar

[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
[ -f /usr/share/java/zookeeper.jar ] || die "no /usr/share/java/zookeeper.jar (apt-get install zookeeper)"
new_dir zookeeper
free_port
printf '%s\n' "dataDir=$dir/data" "clientPort=$port" clientPortAddress=127.0.0.1 tickTime=2000 \
    admin.enableServer=false '4lw.commands.whitelist=*' forceSync=no >"$dir/zoo.cfg"
launch java -XX:-UsePerfData -Djava.io.tmpdir="$dir" -cp "$classpath" \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zoo.cfg"
poll answers "$port" srvr "Zookeeper version"
export PIFPAF_ZOOKEEPER_PORT=$port
run_then_stop KILL "$@"
