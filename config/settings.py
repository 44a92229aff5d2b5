"""Settings for the open-letter archive, read from the environment.

Development needs no variable at all (SQLite at the repository root, DEBUG on). Production sets
DJANGO_DEBUG=0 and must then provide DJANGO_SECRET_KEY, or the process refuses to start.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.database import database_settings, seconds

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    SECRET_KEY = "django-insecure-development-only-key-not-for-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
if not DEBUG:
    for required in ("DJANGO_ALLOWED_HOSTS", "DATABASE_URL"):
        if not os.environ.get(required):
            raise ImproperlyConfigured(f"{required} must be set when DJANGO_DEBUG=0.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# The project's apps, lowest layer first: each imports only those before it (README, "Layout";
# tests/test_layers.py checks it), below them the pure `names` package, above them `config`.
PROJECT_APPS = ["letters", "signatories", "search", "intake", "curation", "web", "public"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that may answer early, so that every response carries these headers.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /api/ only: JSON errors whatever DEBUG, trailing slash tolerated, charset and CORS.
    "web.api.ApiMiddleware",
    # Before the session, CSRF and auth middleware: refused, cached and 304 answers touch none of them.
    "web.guards.RequestGuardMiddleware",
    # Public views see only the query parameters they declare (and caches key on those).
    "web.parameters.DeclaredParametersMiddleware",
    "web.outage.DatabaseOutageMiddleware",
    "web.caching.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old URLs of merged signatories: 301 to the survivor (only where the view says 404).
    "public.middleware.MergedSignatoryRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Timeouts for a busy or hung database, and SQLite's write locking: see config/database.py.
DATABASES = {
    "default": database_settings(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
# How long a write waits for another (SQLite's write lock, the import lock on both backends).
DATABASE_LOCK_TIMEOUT = seconds(os.environ, "DJANGO_DB_LOCK_TIMEOUT", 20)
# How long a web request waits on PostgreSQL in all before it answers 503 (0: no limit).
DATABASE_REQUEST_TIMEOUT = seconds(os.environ, "DJANGO_DB_REQUEST_TIMEOUT", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite builds the covering indexes of search.SearchTerm (the `include` columns, PostgreSQL's
# index-only lookups) as plain indexes on their keys, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes: lock out a username + IP pair after repeated failures, for a cool-off period.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Behind nginx every request comes from nginx's address: the client's is in X-Forwarded-For, as
# appended by the DJANGO_TRUSTED_PROXY_COUNT proxies in front of the app (deploy/ sets 1).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "web.proxies.client_ip_address"

# Search: the directory and the API rank at most this many matches of one query (the first found,
# plus every exact name); a broader query says so and asks for more words. Downloads rank all.
SEARCH_RANKED_LIMIT = 500

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# English only: the null translation machinery is cheaper on every render.
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LETTER_FIXTURES_DIR = BASE_DIR / "fixtures"

# Security headers. The proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Public paths answer GET and HEAD only and are cached; these are not (see web/public.py).
NON_PUBLIC_PATH_PREFIXES = ("/admin/",)
MAX_QUERY_STRING_LENGTH = 4096
MAX_PATH_LENGTH = 2048
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# HTTP caching of public pages (web/caching.py); off in development so edits show at once.
# RELEASE changes the ETags when the code changes; the Dockerfile writes it at build time.
RELEASE_FILE = BASE_DIR / "RELEASE"
RELEASE = os.environ.get("APP_RELEASE") or (
    RELEASE_FILE.read_text().strip() if RELEASE_FILE.exists() else "dev"
)
PUBLIC_CACHE_ENABLED = env_bool("DJANGO_HTTP_CACHE", not DEBUG)
# Keep rendered public responses in each process, keyed by the URL's path, the parameters its
# view reads and the data version; DJANGO_RESPONSE_CACHE=0 turns it off.
PUBLIC_RESPONSE_CACHE_ENABLED = env_bool("DJANGO_RESPONSE_CACHE", True)
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("DJANGO_CACHE_MAX_AGE", "300"))
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("DJANGO_CACHE_STALE_SECONDS", "86400"))
PUBLIC_CACHE_STALE_IF_ERROR = int(os.environ.get("DJANGO_CACHE_STALE_IF_ERROR_SECONDS", "604800"))
PUBLIC_CACHE_ALIAS = "pages"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Bounded in bytes per process, keyed on the parameters a view reads (web/parameters.py).
    PUBLIC_CACHE_ALIAS: {
        "BACKEND": "web.pagecache.BoundedMemoryCache",
        "LOCATION": "rendered-pages",
        "TIMEOUT": PUBLIC_CACHE_MAX_AGE,
        "OPTIONS": {"MAX_BYTES": int(os.environ.get("DJANGO_RESPONSE_CACHE_BYTES") or 16 * 2**20)},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A bad Host header or a 403 is one line; server errors keep their tracebacks.
    "filters": {"client_errors": {"()": "web.log_filters.ClientErrorsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
