#!/usr/bin/env bash
# Checks docker-compose.yml and the proxy's nginx configuration without a Docker engine.
#
#   deploy/validate-compose.sh
#
# 1. `docker-compose config -q` (Debian's Compose v1.29.2, installed with apt-get when
#    missing) parses the file and checks it against the Compose schema: YAML errors, unknown
#    keys, undefined depends_on targets. When a Compose v2 plugin (`docker compose`) is
#    there as well, it checks the file too.
# 2. `nginx -t` on deploy/proxy/templates/default.conf.template, rendered the way the nginx
#    image renders it. Skipped, with a note, when no nginx binary can be had; the nginx
#    apt package is only downloaded and unpacked, never installed, so that no nginx
#    service gets started on this machine.
#
# Prints one line per check; on failure, one line saying what failed, then the tool's
# output, and exits 1.
set -euo pipefail

cd "$(dirname "$0")/.."
COMPOSE_FILE=docker-compose.yml
TEMPLATE=deploy/proxy/templates/default.conf.template
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "validate-compose: FAILED: $1" >&2
    if [[ -s "$WORK/output" ]]; then
        sed 's/^/    /' "$WORK/output" >&2
    fi
    exit 1
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

install_docker_compose() {
    command -v apt-get >/dev/null ||
        fail "docker-compose is missing and there is no apt-get to install it"
    echo "validate-compose: installing docker-compose with apt-get"
    {
        as_root apt-get update -qq &&
            as_root env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends docker-compose
    } >"$WORK/output" 2>&1 || fail "could not install docker-compose with apt-get"
}

check_compose() {
    command -v docker-compose >/dev/null || install_docker_compose

    docker-compose -f "$COMPOSE_FILE" config -q >"$WORK/output" 2>&1 ||
        fail "$COMPOSE_FILE is not valid for docker-compose $(compose_version)"
    echo "validate-compose: $COMPOSE_FILE is valid (docker-compose $(compose_version))"

    if docker compose version >/dev/null 2>&1; then
        docker compose -f "$COMPOSE_FILE" config -q >"$WORK/output" 2>&1 ||
            fail "$COMPOSE_FILE is not valid for docker compose (v2)"
        echo "validate-compose: $COMPOSE_FILE is valid (docker compose v2)"
    fi
}

compose_version() {
    docker-compose version --short 2>/dev/null || echo "(unknown version)"
}

# The nginx binary to test with: the one on PATH, else Debian's, unpacked into $WORK.
find_nginx() {
    if command -v nginx >/dev/null; then
        command -v nginx
        return
    fi
    command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || return 1
    (
        cd "$WORK"
        apt-get download -qq nginx >/dev/null 2>&1 &&
            dpkg-deb -x nginx_*.deb nginx-root
    ) || return 1
    echo "$WORK/nginx-root/usr/sbin/nginx"
}

check_proxy() {
    local nginx
    if ! command -v envsubst >/dev/null; then
        echo "validate-compose: SKIPPED nginx -t: envsubst is missing (apt package gettext-base)"
        return
    fi
    if ! nginx=$(find_nginx); then
        echo "validate-compose: SKIPPED nginx -t: no nginx binary and none could be downloaded"
        return
    fi

    # Render as the image's entrypoint does: only the filtered variables are replaced.
    # 127.0.0.11 is Docker's embedded DNS, what NGINX_LOCAL_RESOLVERS holds at run time.
    # The upstream host names need not resolve here: they are looked up per request.
    mkdir -p "$WORK/nginx/temp"
    # shellcheck disable=SC2016 # envsubst takes the variable names literally
    FITTRACKEE_BASE_URL=http://localhost:5000 NGINX_LOCAL_RESOLVERS=127.0.0.11 \
        envsubst '${FITTRACKEE_BASE_URL} ${NGINX_LOCAL_RESOLVERS}' \
        <"$TEMPLATE" >"$WORK/nginx/default.conf"
    # The image's nginx.conf includes conf.d/*.conf inside http {}; the log and temp paths
    # keep nginx away from system directories (/var/log/nginx…) that may not exist.
    cat >"$WORK/nginx/nginx.conf" <<EOF
pid $WORK/nginx/nginx.pid;
events {}
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    include $WORK/nginx/default.conf;
}
EOF
    if ! "$nginx" -t -q -e stderr -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" \
        >"$WORK/output" 2>&1; then
        # envsubst keeps the lines where they are: name the template in nginx's messages.
        sed -i "s|$WORK/nginx/default.conf|$TEMPLATE|" "$WORK/output"
        fail "$TEMPLATE does not pass nginx -t"
    fi
    echo "validate-compose: $TEMPLATE passes nginx -t ($("$nginx" -v 2>&1 | sed 's/.*: //'))"
}

check_compose
check_proxy
