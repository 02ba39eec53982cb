#!/bin/sh
# First start of the postgres container: the tracker store's database beside the knowledge base
# (POSTGRES_DB). Runs from /docker-entrypoint-initdb.d as the postgres superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE DATABASE \"${TRACKER_DB:-backbone_tracker}\" OWNER \"$POSTGRES_USER\""
