"""Admin wiring: URLs, menu, page and snippet actions, the minor-edit publish button, the bulk
action, the dashboard panel. Thin: each hook delegates."""

from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.widgets import Button
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from . import panels, registry, roles, sources, urls


@hooks.register("register_admin_urls")
def translation_urls():
    return [path("translation/", include(urls, namespace="translation"))]


class RoleMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.roles_for(request.user).can_see_overview


@hooks.register("register_admin_menu_item")
def translation_menu():
    from wagtail.admin.menu import Menu

    items = Menu(
        items=[
            RoleMenuItem(_("Queue"), reverse("translation:queue"), icon_name="list-ul", order=1),
            RoleMenuItem(
                _("Overview"), reverse("translation:overview"), icon_name="table", order=2
            ),
        ]
    )
    return SubmenuMenuItem(_("Translation"), items, icon_name="globe", order=260)


def request_url(obj):
    content_type = registry.content_type_of(obj)
    return (
        reverse("translation:request") + "?" + urlencode({"target": f"{content_type.pk}:{obj.pk}"})
    )


def _offers_request(obj, user):
    obj = registry.specific(obj)
    return (
        obj is not None
        and obj.pk
        and registry.is_translatable(type(obj))
        and registry.is_source(obj)
        and roles.roles_for(user).can_request
    )


class RequestTranslationMenuItem(ActionMenuItem):
    label = _("Request translation")
    name = "action-request-translation"
    icon_name = "globe"
    order = 60

    def is_shown(self, context):
        return context.get("view") == "edit" and _offers_request(
            context["page"], context["request"].user
        )

    def get_url(self, parent_context):
        return request_url(parent_context["page"])


class MinorEditPublishMenuItem(ActionMenuItem):
    """Publish without outdating translations (typo fixes)."""

    label = _("Publish as minor edit (translations stay current)")
    name = "action-publish"
    icon_name = "upload"
    template_name = "translation/action_menu/publish_minor.html"
    order = 15

    def is_shown(self, context):
        page = context.get("page")
        return (
            context.get("view") == "edit"
            and not context.get("locked_for_user")
            and page is not None
            and page.live
            and registry.is_translatable(type(page.specific))
            and registry.is_source(page)
            and self.get_user_page_permissions_tester(context).can_publish()
        )


@hooks.register("register_page_action_menu_item")
def minor_edit_menu_item():
    return MinorEditPublishMenuItem()


@hooks.register("register_page_action_menu_item")
def request_translation_menu_item():
    return RequestTranslationMenuItem()


class SnippetRequestTranslationMenuItem(SnippetActionMenuItem):
    label = _("Request translation")
    name = "action-request-translation"
    icon_name = "globe"
    order = 60

    def is_shown(self, context):
        return context.get("view") == "edit" and _offers_request(
            context.get("instance"), context["request"].user
        )

    def get_url(self, parent_context):
        return request_url(parent_context["instance"])


class SnippetMinorEditMenuItem(SnippetActionMenuItem):
    label = _("Publish as minor edit (translations stay current)")
    name = "action-publish"
    icon_name = "upload"
    template_name = "translation/action_menu/publish_minor.html"
    order = 15

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and instance is not None
            and getattr(instance, "live", False)
            and registry.is_translatable(type(instance))
            and registry.is_source(instance)
            and context["request"].user.has_perm(
                f"{instance._meta.app_label}.publish_{instance._meta.model_name}"
            )
        )


@hooks.register("register_snippet_action_menu_item")
def snippet_menu_items(model):
    if registry.is_translatable(model):
        return SnippetRequestTranslationMenuItem()
    return None


@hooks.register("register_snippet_action_menu_item")
def snippet_minor_edit(model):
    if registry.is_translatable(model):
        return SnippetMinorEditMenuItem()
    return None


def _remember_minor_edit(request, obj):
    sources.set_minor_edit_for(
        obj.pk
        if request.method == "POST" and request.POST.get("action-publish") == "minor"
        else None
    )


@hooks.register("before_edit_page")
def minor_edit_before_page(request, page):
    _remember_minor_edit(request, page)


@hooks.register("before_edit_snippet")
def minor_edit_before_snippet(request, instance):
    _remember_minor_edit(request, instance)


@hooks.register("after_edit_page")
def minor_edit_after_page(request, page):
    sources.set_minor_edit_for(None)


@hooks.register("after_edit_snippet")
def minor_edit_after_snippet(request, instance):
    sources.set_minor_edit_for(None)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    if _offers_request(page, user):
        yield Button(_("Request translation"), request_url(page), icon_name="globe", priority=60)


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    if _offers_request(page, user):
        yield Button(_("Request translation"), request_url(page), icon_name="globe", priority=60)


@hooks.register("register_bulk_action")
class RequestTranslationBulkAction(PageBulkAction):
    display_name = _("Request translation")
    action_type = "request_translation"
    aria_label = _("Request translation of the selected pages")
    template_name = "translation/request.html"
    action_priority = 70

    def check_perm(self, page):
        return roles.roles_for(self.request.user).can_request

    def get(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        return redirect(reverse("translation:request") + "?" + urlencode({"page": ids}, doseq=True))

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return 0, 0


@hooks.register("construct_homepage_panels")
def my_translation_work(request, panel_list):
    if roles.roles_for(request.user).can_see_overview:
        panel_list.append(panels.MyTranslationWork())
