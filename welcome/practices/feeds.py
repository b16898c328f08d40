"""RSS feed of a library's public practices, newest first. Feed readers carry no session, so the
feed never holds internal entries, whoever asks."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from .models import PracticePage

FEED_LENGTH = 30


class PracticeFeed(Feed):
    def __init__(self, library):
        super().__init__()
        self.library = library
        self.language = library.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.library.title

    def link(self):
        return self.library.get_url(self.request)

    def description(self):
        return self.library.intro or _("Good practice in communicating with Copenhageners.")

    def items(self):
        return (
            PracticePage.objects.live()
            .public_entries()
            .filter(locale_id=self.library.locale_id)
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
