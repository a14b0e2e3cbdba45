#!/usr/bin/env bash
# Floor for `pifpaf run kafka -- COMMAND`: copy a KRaft storage formatted beforehand, start the
# broker's JVM directly (with pifpaf's JVM options) as one node that is its own controller, on
# free loopback ports, poll every 10 ms until a metadata request lists the broker, run COMMAND
# with PIFPAF_KAFKA_PORT and PIFPAF_KAFKA_BOOTSTRAP_SERVERS set, kill the broker, remove its
# directory. Kafka's jars: $KAFKA_HOME/libs, else /opt/kafka/libs.
#
#   kafka.sh --prepare TEMPLATE              format the storage to copy (not timed)
#   kafka.sh --template TEMPLATE COMMAND...
source "$(dirname "$0")/common.sh"

libs=${KAFKA_HOME:-/opt/kafka}/libs
jvm=(java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m -Djava.awt.headless=true)

usage() {
    echo "usage: $0 --prepare TEMPLATE | --template TEMPLATE COMMAND..." >&2
    exit 2
}

# server.properties in $1 for broker port $2 and controller port $3, its storage in $1/kafka.
config() {
    printf '%s\n' process.roles=broker,controller node.id=1 "controller.quorum.voters=1@127.0.0.1:$3" \
        "listeners=PLAINTEXT://127.0.0.1:$2,CONTROLLER://127.0.0.1:$3" "advertised.listeners=PLAINTEXT://127.0.0.1:$2" \
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT controller.listener.names=CONTROLLER \
        inter.broker.listener.name=PLAINTEXT "log.dirs=$1/kafka" offsets.topic.replication.factor=1 \
        transaction.state.log.replication.factor=1 transaction.state.log.min.isr=1 \
        group.initial.rebalance.delay.ms=0 log.cleaner.dedupe.buffer.size=8388608 >"$1/server.properties"
}

# The storage pifpaf's template holds, and a console-only log configuration.
prepare() {
    local template=$1
    mkdir -p "$template"
    printf '%s\n' appender.console.type=Console appender.console.name=STDOUT appender.console.layout.type=PatternLayout \
        'appender.console.layout.pattern=[%d] %p %m (%c)%n' rootLogger.level=INFO \
        rootLogger.appenderRef.stdout.ref=STDOUT >"$template/log4j2.properties"
    config "$template" 9092 9093
    # A random id as Kafka writes them (URL-safe Base64), not starting with '-': the tool would
    # take it for an option.
    local id=-
    while [[ $id == -* ]]; do
        id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | head -c 22)
    done
    "${jvm[@]}" -Dlog4j2.configurationFile="$template/log4j2.properties" -cp "$libs/*" kafka.tools.StorageTool \
        format --cluster-id "$id" --config "$template/server.properties" >/dev/null
}

# True when the broker on port $1 answers a metadata request (version 4, no topic) listing a
# broker: the bytes after length, correlation id and throttle time count the brokers.
lists_a_broker() {
    local answer
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf '\0\0\0\25\0\3\0\4\0\0\0\1\0\6pifpaf\0\0\0\0\0' >&3
    answer=$(od -An -tu1 -N16 <&3)
    exec 3<&-
    read -r -a answer <<<"$answer"
    [ "${#answer[@]}" -eq 16 ] && [ "${answer[12]}${answer[13]}${answer[14]}${answer[15]}" != 0000 ]
}

case ${1:-} in
    --prepare)
        [ $# -eq 2 ] || usage
        compgen -G "$libs/kafka_*.jar" >/dev/null || die "no Kafka in $libs"
        prepare "$2"
        ;;
    --template)
        [ $# -ge 3 ] || usage
        template=$2
        shift 2
        new_dir kafka
        cp -a --reflink=auto "$template/kafka" "$dir/kafka"
        free_port
        broker=$port
        free_port
        config "$dir" "$broker" "$port"
        launch "${jvm[@]}" -Djava.io.tmpdir="$dir" -Dlog4j2.configurationFile="$template/log4j2.properties" \
            -cp "$libs/*" kafka.Kafka "$dir/server.properties"
        poll lists_a_broker "$broker"
        export PIFPAF_KAFKA_PORT=$broker PIFPAF_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$broker
        run_then_stop KILL "$@"
        ;;
    *)
        usage
        ;;
esac
