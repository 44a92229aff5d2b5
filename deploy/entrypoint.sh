#!/bin/sh
# Prepare the database (migrate + load_letter, once even when several containers start together),
# then run the given command (gunicorn by default). PREPARE_DATABASE=0 skips the preparation.
set -eu
cd /app
if [ "${PREPARE_DATABASE:-1}" = "1" ]; then
    python manage.py prepare_database
fi
exec "$@"
