#!/usr/bin/env bash
# Creates Keycloak's and the resource server's databases, each owned by its own login role.
#
# The official postgres image runs this once, on the first start with an empty data volume
# (it is mounted into /docker-entrypoint-initdb.d). Later starts skip it: changing
# KEYCLOAK_DB_PASSWORD or FITTRACKEE_DB_PASSWORD afterwards needs an ALTER ROLE as well
# (docs/docker-compose.md).
#
# One role per database, and no CONNECT for PUBLIC, so that neither service can read the
# other's tables: Keycloak's hold password hashes and client secrets.
#
# No `set -u`: the image sources a script that lacks the execute bit, and the option would
# then leak into its own entrypoint.
set -eo pipefail

# The passwords travel as psql variables and are quoted by psql (:'name'), so any character
# is safe in them.
psql --no-psqlrc -v ON_ERROR_STOP=1 \
    --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
    --set=keycloak_password="${KEYCLOAK_DB_PASSWORD:?}" \
    --set=fittrackee_password="${FITTRACKEE_DB_PASSWORD:?}" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;

CREATE ROLE fittrackee LOGIN PASSWORD :'fittrackee_password';
CREATE DATABASE fittrackee OWNER fittrackee;
REVOKE ALL ON DATABASE fittrackee FROM PUBLIC;
SQL
