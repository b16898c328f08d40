"""Dashboard panel "My translation work": the user's open requests and the units waiting in
their languages (two queries)."""

from django.db.models import Count
from wagtail.admin.ui.components import Component

from welcome.languages import registry as languages

from . import roles
from .models import TranslationRequest, Unit, UnitState


class MyTranslationWork(Component):
    name = "my_translation_work"
    order = 90
    template_name = "translation/panels/my_work.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user_roles = roles.roles_for(request.user)
        codes = sorted(user_roles.translates | user_roles.reviews) or sorted(user_roles.languages)
        requests = (
            TranslationRequest.objects.open()
            .filter(locale__language_code__in=codes)
            .select_related("locale", "assignee")
            .order_by("-priority", "due", "created_at")[:10]
        )
        counts = {}
        rows = (
            Unit.objects.current()
            .filter(locale__language_code__in=codes)
            .exclude(state=UnitState.APPROVED)
            .values("locale__language_code", "state")
            .annotate(n=Count("id"))
        )
        for row in rows:
            counts.setdefault(row["locale__language_code"], {})[row["state"]] = row["n"]
        return {
            "requests": requests,
            "user": request.user,
            "languages": [
                {"language": languages.get(code), "counts": counts.get(code, {})} for code in codes
            ],
        }
