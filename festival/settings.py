"""Settings for the festival panel archive.

Everything that differs between a laptop and a server comes from the environment; the defaults are
safe for local use: SQLite beside the code, DEBUG off, and a development secret key that is refused
as soon as the site is served to any host other than this machine.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", LOCAL_HOSTS)

DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-on-a-public-host"
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
if SECRET_KEY == DEVELOPMENT_SECRET_KEY and not set(ALLOWED_HOSTS) <= set(LOCAL_HOSTS):
    raise ImproperlyConfigured("Set SECRET_KEY in the environment before serving the archive to other hosts.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django_filters",
    "django_comments",
    "simple_history",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "articles",
]

# Background work (an import from the admin) goes through Django's task interface (the django-tasks
# backport) into the database, where `manage.py db_worker` takes it: nothing else to run or install,
# on SQLite as on PostgreSQL, and a task is committed, or not, with the request that asked for it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    # First, so that its duration covers everything, errors turned into pages included.
    "articles.http.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags for every page, cached or not: a reader's browser asking again gets 304 if nothing changed.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A first visit in French or German goes to that version of the page; the admin follows the editor.
    "articles.http.languages.LanguageOfReaderMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous public pages from the cache (articles/http/page_cache.py); below it, only what builds a page.
    "articles.http.page_cache.PublicPageCacheMiddleware",
    "articles.http.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made each change, for the history of coverage (simple_history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses of moved pages (articles/redirects.py), looked up only when a page is not found.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: locks out an address and username after repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

# HTTPS: set HTTPS=1 wherever the archive is served over TLS (every deployment on the internet).
# Off by default so that `make run`, `make serve` and the tests work over plain http on this machine.
HTTPS = env_bool("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # health checks come over plain http from inside
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True  # no script of ours reads them
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
# Behind PROXY_COUNT proxies (a load balancer, nginx) that end TLS, set X-Forwarded-Proto and append
# the client's address to X-Forwarded-For: articles/http/clients.py reads the client's address from there.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing inline, nothing from elsewhere: one stylesheet, one script, pictures from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock that pair out for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "articles.http.clients.client_address"

# The admin's address, e.g. ADMIN_URL=newsroom-4f1c/ to keep it out of the way of scanners.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

SITE_ID = 1
# The archive's public host name, used where a link must be absolute without a request to go by (feeds,
# sitemaps). Kept on Django's Site record at every migrate (articles/apps.py). By default the first
# public host of ALLOWED_HOSTS, or this machine's `make run` address.
SITE_DOMAIN = os.environ.get("SITE_DOMAIN") or next(
    (host for host in ALLOWED_HOSTS if host not in LOCAL_HOSTS and not host.startswith((".", "*"))),
    "127.0.0.1:8000",
)

# Readers' comments: django-contrib-comments with the archive's own model and form (articles/__init__.py).
COMMENTS_APP = "articles"
COMMENT_MAX_LENGTH = 3000
# At most this many comments from one client (a salted hash of its address) per window, in seconds.
COMMENT_RATE_LIMIT = (int(os.environ.get("COMMENT_RATE_LIMIT", "5")), 600)

ROOT_URLCONF = "festival.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Forms are rendered by the templates above, so that a widget's template may live in templates/
# (the admin's language select: templates/admin/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "festival.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Small lists (a form's choices) are iterated with .iterator(), which on PostgreSQL would open a
# server-side cursor and cost extra round trips per list; nothing here streams large results. This is
# also what a transaction-pooling proxy such as PgBouncer needs.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The task worker and the web server write to one file: with a write-ahead log, readers never
    # wait for a writer; a transaction takes the write lock as it begins (IMMEDIATE), so that one
    # never fails for a write another made after it read, and waits its turn (timeout, in seconds).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;", transaction_mode="IMMEDIATE", timeout=20
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", True
):
    # Every page runs the same few statements with other values. Bound by the server, each is
    # prepared on its fifth run in a connection, and PostgreSQL plans it once instead of on every
    # request. A proxy pooling by transaction (PgBouncer before 1.21) cannot keep prepared
    # statements: DATABASE_PREPARED_STATEMENTS=0 then.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the addresses without a prefix, the others under /fr/ and /de/ (articles/languages.py,
# articles/http/languages.py).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("de", _("German"))]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # the reader's choice, for a year
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["festival.formats"]  # where a language writes something its own way
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served (DEBUG off) compressed and under hashed names that browsers cache forever: `collectstatic`
# must run before the server starts (`make serve` and docker-compose do). With DEBUG on (`make run`)
# whitenoise serves them straight from the source folders; the tests do the same (tests/conftest.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# The cache: Redis when CACHE_URL is set (redis://host:6379/0), shared by every process and server;
# otherwise this process's memory, which suits one process (`make run`, tests). Public pages stay in it
# for PAGE_CACHE_SECONDS (0 turns the page cache off); any save starts afresh (articles/http/page_cache.py).
# A Redis server that stops answering costs each call at most its timeouts, then pages are made
# without it (articles/http/forgiving_cache.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["CACHE_URL"],
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if os.environ.get("CACHE_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Without Redis, the moment of the last change, for all the processes of this machine.
PAGE_CACHE_STAMP = Path(
    os.environ.get("PAGE_CACHE_STAMP") or Path(tempfile.gettempdir()) / f"{BASE_DIR.name}-pages.stamp"
)

ARCHIVE_PAGE_SIZE = 25
# Lists count at most this many items ("more than 10,000 quotes"); see articles/public/pagination.py.
ARCHIVE_COUNT_LIMIT = int(os.environ.get("ARCHIVE_COUNT_LIMIT", "10000"))
# A text search keeps at most this many matches to count, rank and sort, so that a very common word
# answers as fast as a rare one; the page asks the reader to narrow such a search.
QUOTE_SEARCH_CANDIDATES = int(os.environ.get("QUOTE_SEARCH_CANDIDATES", "1000"))
# A "phrase" is looked for among at most this many quotes holding all its words (PostgreSQL).
QUOTE_PHRASE_CHECKS = int(os.environ.get("QUOTE_PHRASE_CHECKS", "2000"))

# Logs go to standard error, for the process manager to collect: one JSON line per request
# (articles/http/middleware.py), and Django's own warnings and errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"message": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "formatter": "message"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "festival.requests": {
            "handlers": ["requests"],
            "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        # Each request is logged once, above; Django's own line for 4xx answers would repeat it.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
