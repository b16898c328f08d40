from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Video


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video files")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "content_type", "created_at"]
    search_fields = ["title"]
    panels = [FieldPanel("title"), FieldPanel("file")]


register_snippet(VideoViewSet)
