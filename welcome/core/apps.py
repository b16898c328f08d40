from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared base page, blocks and template tags."""

    name = "welcome.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import pagecache, restrictions, sites  # noqa: F401  (signal receivers)

        pagecache.connect_invalidation()

        from .admin_guards import guard_task_preview

        guard_task_preview()
