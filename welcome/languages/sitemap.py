"""``/sitemap.xml``: every live public page in every language.

Wagtail's own sitemap lists the descendants of the site's root page, which is the root of one
language only; here the roots of all its translations are walked. Each page type decides its own
entries (``get_sitemap_urls``): an internal good practice, for one, has none.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translated_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Q(path__startswith=translated_root.path)
        return (
            Page.objects.live()
            .public()
            .filter(trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
