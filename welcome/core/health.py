"""Probes for load balancers and orchestration: ``/healthz`` (the process answers) and ``/readyz``
(the database is reachable and every migration is applied)."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

_migrations_applied = False


def migrations_applied():
    """True once no migration is pending; remembered, since a running process cannot gain new
    migrations (a deploy restarts it)."""
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not migrations_applied():
            return JsonResponse(
                {"status": "unavailable", "reason": "migrations pending"}, status=503
            )
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "reason": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
