"""Reader feedback in the admin: URLs, menu, permissions, dashboard panel. Each hook delegates."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_urls
from .admin_views import VIEW
from .panels import OfficersOverviewPanel


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("feedback/", include(admin_urls, namespace="feedback_admin"))]


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        FeedbackMenuItem(_("Inbox"), reverse_lazy("feedback_admin:inbox"), icon_name="comment"),
        FeedbackMenuItem(
            _("Where readers miss their language"),
            reverse_lazy("feedback_admin:demand"),
            icon_name="site",
        ),
    ]
    return SubmenuMenuItem(
        _("Reader feedback"), Menu(items=items), icon_name="comment", name="feedback", order=450
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="feedback", codename__in=["view_feedback", "change_feedback"]
    )


@hooks.register("construct_homepage_panels")
def add_overview(request, panels):
    if request.user.has_perm(VIEW):
        panels.append(OfficersOverviewPanel())
