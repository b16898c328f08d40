"""Settings shared by every environment. The environment is read only in this package."""

import os
from pathlib import Path

import dj_database_url

from welcome.languages.info import django_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must precede the Wagtail apps: Wagtail 8 loads wagtail_hooks during start-up.
    "modeltranslation",
    "welcome.core",
    "welcome.languages",
    "welcome.translation",
    "welcome.translation.terminology",
    "welcome.pages",
    "welcome.leaflets",
    "welcome.signs",
    "welcome.videos",
    "welcome.practices",
    "welcome.feedback",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "welcome.core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "welcome.languages.middleware.LanguageMiddleware",
    "welcome.core.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "welcome.urls"
WSGI_APPLICATION = "welcome.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "welcome.languages.context_processors.languages",
            ],
        },
    },
]

# Database: SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE") or "0"),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )
    # A new SQLite connection parses the whole schema before its first query and closing the last
    # one checkpoints the WAL (together ~2 ms, a fifth of a page): keep each worker's connection.
    if not os.environ.get("DATABASE_CONN_MAX_AGE"):
        DATABASES["default"]["CONN_MAX_AGE"] = None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to a per-process cache while Redis is unreachable (welcome.core.cache).
            "BACKEND": "welcome.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "velkommen",
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "velkommen",
            "TIMEOUT": 300,
        }
    }

# Admin sign-in throttling (welcome.core.login): failures per username and client address.
WAGTAILADMIN_USER_LOGIN_FORM = "welcome.core.login.ThrottledLoginForm"
WELCOME_LOGIN_FAILURE_LIMIT = 5
WELCOME_LOGIN_LOCKOUT_SECONDS = 15 * 60
# Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (0: none).
WELCOME_TRUSTED_PROXY_COUNT = int(os.environ.get("WELCOME_TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The supported set is configuration (a catalog in locales/ for each); the active set is
# data: Wagtail Locale rows, extended with `manage.py activate_language <code>`.
WELCOME_SOURCE_LANGUAGE = "da"
WELCOME_LANGUAGES = ["da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk", "ti"]
WELCOME_DEFAULT_ACTIVE_LANGUAGES = ["da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk"]
# A page missing in the reader's language is served from the first of these that has it.
WELCOME_FALLBACK_LANGUAGES = ["en", "da"]
# Typeface overrides where the script alone does not decide (see welcome.languages.info).
WELCOME_TYPEFACES = {"ur": "nastaliq"}

LANGUAGE_CODE = WELCOME_SOURCE_LANGUAGE
LANGUAGES = django_languages(WELCOME_LANGUAGES)
LANGUAGE_COOKIE_NAME = "velkommen_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locales"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Velkommen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Text is analysed per language (welcome.languages.analysis) before it reaches the index, so the
# database needs no language-specific configuration ("simple" on PostgreSQL).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents: content must match the extension (welcome.core.uploads); always served as attachments.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "welcome.core.uploads.SniffedDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}

# Whole-page cache for anonymous readers (welcome.core.pagecache); 0 turns it off.
WELCOME_PAGE_CACHE_SECONDS = int(os.environ.get("WELCOME_PAGE_CACHE_SECONDS", "600"))
# Sessions live in the cache first, so a signed-in editor is recognised while the database is down.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Content-Security-Policy (welcome.core.security): extra sources per directive, e.g. an external
# video host: {"media-src": ["https://video.kk.dk"]}.
WELCOME_CSP_EXTRA_SOURCES = {}

# Leaflets, signs and videos (welcome.leaflets, welcome.signs, welcome.videos): upload limits.
WELCOME_VIDEO_MAX_UPLOAD_SIZE = int(
    os.environ.get("WELCOME_VIDEO_MAX_UPLOAD_SIZE", str(500 * 1024 * 1024))
)
WELCOME_SUBTITLE_MAX_UPLOAD_SIZE = 512 * 1024
WELCOME_SUBTITLE_MAX_CUES = 5000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "velkommen@kk.dk")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "welcome.security": {"level": "WARNING"},
        # WeasyPrint (leaflet PDFs) and its font subsetter log every step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- welcome.practices: good-practice library, taxonomies, sharing with other cities ----------
# Taxonomy labels (departments, focus areas, goals, channels, target groups) are reference data
# translated with django-modeltranslation: one column per supported language, Danish required,
# missing labels fall back like pages do (English, then Danish).
MODELTRANSLATION_LANGUAGES = tuple(WELCOME_LANGUAGES)
MODELTRANSLATION_DEFAULT_LANGUAGE = WELCOME_SOURCE_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(WELCOME_FALLBACK_LANGUAGES)
# Who publishes the read-only practice API and the exports other cities import (attribution).
WELCOME_PRACTICES_PUBLISHER = {
    "name": os.environ.get("PRACTICES_PUBLISHER_NAME", "Københavns Kommune"),
    "url": os.environ.get("PRACTICES_PUBLISHER_URL", "https://www.kk.dk"),
}
# `import_practices URL`: give up after this many seconds, refuse documents larger than this.
WELCOME_PRACTICES_IMPORT_TIMEOUT = float(os.environ.get("PRACTICES_IMPORT_TIMEOUT", "10"))
WELCOME_PRACTICES_IMPORT_MAX_BYTES = int(os.environ.get("PRACTICES_IMPORT_MAX_BYTES", "5000000"))
# How long shared caches may keep an API page (Cache-Control: max-age).
WELCOME_PRACTICES_API_MAX_AGE = int(os.environ.get("PRACTICES_API_MAX_AGE", "300"))

# --- welcome.feedback: reader feedback and language demand --------------------------------------
# Feedback messages per client address and window (the address is only hashed, never stored).
WELCOME_FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))
WELCOME_FEEDBACK_RATE_WINDOW_SECONDS = int(os.environ.get("FEEDBACK_RATE_WINDOW_SECONDS", "600"))
WELCOME_FEEDBACK_COMMENT_MAX_LENGTH = 2000
# `manage.py purge_feedback_comments` deletes comment texts older than this many days (cron, daily).
WELCOME_FEEDBACK_COMMENT_RETENTION_DAYS = int(
    os.environ.get("FEEDBACK_COMMENT_RETENTION_DAYS", "180")
)
# Each process hands its language-demand counts on every this many seconds (a background thread):
# to Redis when it is the cache (then `manage.py flush_demand` moves them into the database; run
# it every 5 minutes), else to the database. 0: only when `flush_demand` runs in that process.
WELCOME_DEMAND_BUFFER_SECONDS = int(os.environ.get("DEMAND_BUFFER_SECONDS", "5"))

# --- welcome.translation: PO files (welcome.translation.po) -------------------------------------
# Uploaded or imported PO files larger than this are refused before they are parsed.
WELCOME_PO_MAX_BYTES = int(os.environ.get("WELCOME_PO_MAX_BYTES", str(2 * 1024 * 1024)))
