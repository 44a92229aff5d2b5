"""The health check that load balancers and the container runtime poll."""

from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

from web.caching import not_cached
from web.errors import DATABASE_ERRORS


@not_cached
def healthz(request):
    """200 {"status": "ok"} when the database answers a query, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_ERRORS:
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    else:
        response = JsonResponse({"status": "ok", "database": "ok"})
    add_never_cache_headers(response)
    return response
