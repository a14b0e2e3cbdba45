#!/usr/bin/env bash
# Floor for `pifpaf run artemis -- COMMAND`: copy an instance made beforehand by `artemis create`,
# put its new directory where its scripts and profiles name the old one, write a broker.xml like
# pifpaf's (five acceptors on free loopback ports, NIO journal without fsync), start the
# instance's `bin/artemis run` with pifpaf's JVM options, poll its log every 10 ms until the
# server is active, run COMMAND with PIFPAF_ARTEMIS_PORT and PIFPAF_ARTEMIS_URL set, kill the
# broker, remove its directory. Artemis: $ARTEMIS_HOME, else the `artemis` on PATH.
#
#   artemis.sh --prepare TEMPLATE            create the instance to copy (not timed)
#   artemis.sh --template TEMPLATE COMMAND...
source "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 --prepare TEMPLATE | --template TEMPLATE COMMAND..." >&2
    exit 2
}

# pifpaf's instance: the same options of artemis create.
prepare() {
    local template=$1 artemis
    artemis=${ARTEMIS_HOME:+$ARTEMIS_HOME/bin/}artemis
    mkdir -p "$template"
    JAVA_ARGS="-XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "$artemis" create --silent --no-web \
        --no-autotune --user pifpaf --password secrete --allow-anonymous "$template/broker" >/dev/null
}

# broker.xml with the acceptors on ports $1 (AMQP) to $5.
broker_xml() {
    local buffers="tcpSendBufferSize=1048576;tcpReceiveBufferSize=1048576;" credits="amqpCredits=1000;amqpLowCredits=300;"
    cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<configuration xmlns="urn:activemq">
  <core xmlns="urn:activemq:core">
    <name>floor</name>
    <persistence-enabled>true</persistence-enabled>
    <journal-type>NIO</journal-type>
    <paging-directory>data/paging</paging-directory>
    <bindings-directory>data/bindings</bindings-directory>
    <journal-directory>data/journal</journal-directory>
    <large-messages-directory>data/large-messages</large-messages-directory>
    <journal-datasync>false</journal-datasync>
    <journal-min-files>2</journal-min-files>
    <journal-pool-files>10</journal-pool-files>
    <journal-file-size>1M</journal-file-size>
    <max-disk-usage>-1</max-disk-usage>
    <critical-analyzer>false</critical-analyzer>
    <acceptors>
      <acceptor name="artemis">tcp://127.0.0.1:$2?${buffers}${credits}protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE;useEpoll=true</acceptor>
      <acceptor name="amqp">tcp://127.0.0.1:$1?${buffers}${credits}protocols=AMQP;useEpoll=true</acceptor>
      <acceptor name="stomp">tcp://127.0.0.1:$3?${buffers}protocols=STOMP;useEpoll=true</acceptor>
      <acceptor name="hornetq">tcp://127.0.0.1:$4?anycastPrefix=jms.queue.;multicastPrefix=jms.topic.;protocols=HORNETQ,STOMP;useEpoll=true</acceptor>
      <acceptor name="mqtt">tcp://127.0.0.1:$5?${buffers}protocols=MQTT;useEpoll=true</acceptor>
    </acceptors>
    <security-settings>
      <security-setting match="#">
        <permission type="createNonDurableQueue" roles="amq"/><permission type="deleteNonDurableQueue" roles="amq"/>
        <permission type="createDurableQueue" roles="amq"/><permission type="deleteDurableQueue" roles="amq"/>
        <permission type="createAddress" roles="amq"/><permission type="deleteAddress" roles="amq"/>
        <permission type="consume" roles="amq"/><permission type="browse" roles="amq"/>
        <permission type="send" roles="amq"/><permission type="manage" roles="amq"/>
      </security-setting>
    </security-settings>
  </core>
</configuration>
XML
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
        new_dir artemis
        cp -a --reflink=auto "$template/broker" "$dir/broker"
        sed -i "s#$template/broker#$dir/broker#g" "$dir/broker/bin/artemis" "$dir/broker/etc/artemis.profile" \
            "$dir/broker/etc/bootstrap.xml"
        ports=()
        for _ in 1 2 3 4 5; do
            free_port
            ports+=("$port")
        done
        broker_xml "${ports[@]}" >"$dir/broker/etc/broker.xml"
        export JAVA_ARGS="-XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED"
        launch "$dir/broker/bin/artemis" run
        poll log_has "$dir/log" AMQ221007
        export PIFPAF_ARTEMIS_PORT=${ports[0]} PIFPAF_ARTEMIS_URL=amqp://localhost:${ports[0]}
        run_then_stop KILL "$@"
        ;;
    *)
        usage
        ;;
esac
