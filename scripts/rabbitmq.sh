#!/usr/bin/env bash
# Install (from Debian packages, if missing), start or stop a RabbitMQ broker listening only on
# 127.0.0.1:5672, for the test suite. Usage: scripts/rabbitmq.sh start|stop|status
set -euo pipefail

export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install() {
    command -v rabbitmq-server >/dev/null 2>&1 && return
    echo "Installing rabbitmq-server from Debian packages..."
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends rabbitmq-server
}

running() { as_root rabbitmqctl -n "$RABBITMQ_NODENAME" -q status >/dev/null 2>&1; }

start() {
    install
    if running; then echo "RabbitMQ already running"; return; fi
    as_root rabbitmq-server -detached
    for _ in $(seq 1 60); do
        if as_root rabbitmqctl -n "$RABBITMQ_NODENAME" -q await_startup --timeout 60 >/dev/null 2>&1; then
            echo "RabbitMQ is up on 127.0.0.1:5672"
            return
        fi
        sleep 1
    done
    echo "RabbitMQ did not start; its logs are in /var/log/rabbitmq/" >&2
    exit 1
}

stop() {
    running && as_root rabbitmqctl -n "$RABBITMQ_NODENAME" -q stop || true
    as_root pkill -x epmd 2>/dev/null || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) running && echo running || { echo stopped; exit 1; } ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
