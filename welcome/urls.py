import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from welcome.core import health, media
from welcome.languages import views as language_views
from welcome.languages.sitemap import MultilingualSitemap
from welcome.pages import views as page_views

handler404 = "welcome.languages.views.page_not_found"
handler500 = "welcome.languages.views.server_error"

urlpatterns = [
    path("", language_views.home_redirect, name="home_redirect"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    # Good-practice library: read-only JSON API for other cities (language as ?lang=).
    path("api/practices/", include("welcome.practices.api")),
]

# Uploads, with HTTP Range support so that video players can seek (development and production;
# a web server or CDN in front may serve them itself). Sign addresses carry no language prefix:
# the QR code's target negotiates the reader's language.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media.serve)
    )
urlpatterns.append(path("", include("welcome.signs.urls")))

# Every public URL carries a language prefix: /da/, /ar/, ...
urlpatterns += i18n_patterns(
    path("search/", page_views.search, name="search"),
    path("", include("welcome.feedback.urls")),
    path("", include("welcome.languages.urls")),
    # Wagtail's own non-page views, then page serving with language fallback.
    path("", include(wagtail_urls.urlpatterns[:2])),
    re_path(wagtail_urls.serve_pattern, language_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
