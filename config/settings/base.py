"""Settings shared by every environment; each value can come from the environment (12-factor)."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_gis",
    "drf_spectacular",
    "leaflet",
    "allauth",
    "allauth.account",
    "geo",
    "engagement",
    "toolkit",
    # The project package: the demo loader, which composes every app's data.
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "config.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "engagement.participation.middleware.ParticipantMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
        },
    },
]

# The project's own PostGIS cluster (platform/localdb.sh) unless DATABASE_URL names another.
_LOCAL_DB = f"postgis://postgres@/yhdessa?host={BASE_DIR / '.local' / 'pg' / 'run'}"
DATABASES = {"default": env.db_url("DATABASE_URL", default=_LOCAL_DB)}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
# Persistent connections: a new session costs 13-18 ms of PostGIS planning (ARCHITECTURE.md).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Parallel query makes map queries 2-3x slower on 2 cores, and JIT compilation, which PostGIS's
# high function costs trigger, added ~200 ms to a 5 ms map query (make bench); set per session.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = env(
    "DATABASE_SESSION_OPTIONS", default="-c max_parallel_workers_per_gather=0 -c jit=off"
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts: e-mail and password, with the address verified before first sign-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
LOGIN_REDIRECT_URL = "engagement:my-contributions"
ACCOUNT_LOGOUT_REDIRECT_URL = "engagement:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Yhdessä] "

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi", "en", "sv")

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / ".local" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".local" / "media")
# Django serves uploaded photos itself unless a web server or object storage does it.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="yhdessa@localhost")
ACCESSIBILITY_FEEDBACK_EMAIL = env("ACCESSIBILITY_FEEDBACK_EMAIL", default="")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "engagement.interop.authentication.ApiKeyAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # A service's refusal (Django's ValidationError) answers 400 with messages per field.
    "EXCEPTION_HANDLER": "engagement.common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Yhdessä API",
    "DESCRIPTION": "Participatory mapping: areas, campaigns, themes and contributions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "HiddenReasonEnum": "engagement.models.HiddenReason",
        "FlagReasonEnum": "engagement.models.Flag.Reason",
    },
}

# Shared by every web process, so rate limits hold across gunicorn workers.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "yhdessa_cache",
    }
}
# Anonymous writes allowed per participant and per address: (count, seconds).
ANONYMOUS_RATE_LIMITS = {
    "contribution": (env.int("RATE_CONTRIBUTIONS_PER_HOUR", default=10), 3600),
    "comment": (env.int("RATE_COMMENTS_PER_HOUR", default=30), 3600),
}
# The browser cookie that lets an anonymous participant be recognised and claim their input.
PARTICIPANT_COOKIE = "yhdessa_participant"
PARTICIPANT_COOKIE_AGE = 365 * 24 * 3600
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
# Proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR as it is).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# The public address of the site, for links in e-mails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# The default campaign shown at `/`.
DEFAULT_CAMPAIGN_SLUG = env("DEFAULT_CAMPAIGN_SLUG", default="tesoma-together")

# No outside tile server is assumed: without MAP_TILES_URL the map draws boundaries and pins on
# a plain background. Set it (and MAP_TILES_ATTRIBUTION) to use a base map, e.g. the city's WMTS.
_TILES_URL = env("MAP_TILES_URL", default="")
LEAFLET_CONFIG = {
    "TILES": (
        [(_("Base map"), _TILES_URL, {"attribution": env("MAP_TILES_ATTRIBUTION", default="")})]
        if _TILES_URL
        else []
    ),
    "DEFAULT_CENTER": (61.5, 23.63),
    "DEFAULT_ZOOM": 14,
    "MIN_ZOOM": 9,
    "MAX_ZOOM": 19,
    "RESET_VIEW": False,
    "ATTRIBUTION_PREFIX": "Leaflet",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Debian 12 ships GDAL 3.6, which cannot block file and network access from spatial reference
# strings. User input never reaches GDAL here (points are built from numbers, GeoJSON is parsed
# by GEOS), so the warning is silenced; see docs/decisions/0002-debian-gdal.md.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
