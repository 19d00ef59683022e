"""Settings shared by every environment; each value can come from the environment (12-factor)."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.basemaps import admin_tiles, base_layers_read, tile_urls
from config.csp import policy_directives
from config.settings.backends import (
    caches_config,
    media_storage,
    rate_limit_fallback_cache,
    session_engine,
)
from config.settings.environment import addresses
from config.settings.oidc import APPS as OIDC_APPS
from config.settings.oidc import role_map_read, socialaccount_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# No default: local.py reads the installation's own key from .local/, test.py makes one per run,
# production.py requires it from the environment (docs/decisions/0016).
SECRET_KEY = env("SECRET_KEY", default="")
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
    "drf_spectacular_sidecar",
    "leaflet",
    "allauth",
    "allauth.account",
    # Content-Security-Policy (docs/decisions/0012).
    "csp",
    # The task queue (docs/decisions/0011): the API, and its database backend and worker.
    "django_tasks",
    "django_tasks_db",
    "geo",
    "engagement",
    "toolkit",
    # The project package: the demo loader, which composes every app's data.
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, which answers static files itself: every response gets both.
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before every middleware that may query the database: a database away answers 503.
    "config.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "config.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "engagement.participation.middleware.ParticipantMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The request being served, for links in e-mails when SITE_URL is not set.
    "engagement.common.site.CurrentRequestMiddleware",
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
_SESSION_OPTIONS = env(
    "DATABASE_SESSION_OPTIONS", default="-c max_parallel_workers_per_gather=0 -c jit=off"
)
DATABASES["default"].setdefault("OPTIONS", {})["options"] = _SESSION_OPTIONS


def _transaction_pooled(database: dict) -> None:
    """Behind PgBouncer in transaction mode a server connection is this client's for one
    transaction only, so nothing may outlive one (decision 0028): no server-side cursors (Django's
    are WITH HOLD, kept past the transaction), no prepared statements (psycopg prepares a query
    run 5 times, tile_render prepares street-level tiles; PgBouncer 1.18 cannot carry them), no
    SET at connect (plan_generic skips it), no startup `options` (PgBouncer's connect_query and
    the server's settings set them)."""
    database["DISABLE_SERVER_SIDE_CURSORS"] = True
    database["TRANSACTION_POOLED"] = True
    database["OPTIONS"]["prepare_threshold"] = None
    database["OPTIONS"].pop("options", None)


# DATABASE_POOL=pgbouncer: DATABASE_URL names PgBouncer in transaction mode, not the server.
DATABASE_POOL = env("DATABASE_POOL", default="")
if DATABASE_POOL not in ("", "pgbouncer"):
    raise ImproperlyConfigured(f"DATABASE_POOL is empty or 'pgbouncer', not {DATABASE_POOL!r}.")
if DATABASE_POOL:
    _transaction_pooled(DATABASES["default"])
# A streaming replica for the map, tile, list and analysis reads (config/db_router.py, decision
# 0028); unset, one database and no router. DATABASE_REPLICA_POOL=pgbouncer when a PgBouncer of
# its own stands in front of it.
if env("DATABASE_REPLICA_URL", default=""):
    _replica = env.db_url("DATABASE_REPLICA_URL")
    DATABASES["replica"] = {
        **_replica,
        "ENGINE": "django.contrib.gis.db.backends.postgis",
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        # A replica that cannot be reached costs one thread this long, once per check.
        "OPTIONS": {
            **_replica.get("OPTIONS", {}),
            "options": _SESSION_OPTIONS,
            "connect_timeout": env.int("DATABASE_REPLICA_CONNECT_TIMEOUT", default=2),
        },
        # Tests: the same database as default, never one of its own.
        "TEST": {"MIRROR": "default"},
    }
    if env("DATABASE_REPLICA_POOL", default=""):
        _transaction_pooled(DATABASES["replica"])
    DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
    # Just after the 503 middleware: its __call__ sees every response (the sticky cookie), and
    # its process_exception runs before the 503's (the retry on the primary).
    MIDDLEWARE.insert(
        MIDDLEWARE.index("config.unavailable.DatabaseUnavailableMiddleware") + 1,
        "config.db_router.ReplicaReadsMiddleware",
    )
# The views that read on the replica (URL names), GET and HEAD only: the map, tiles, list and
# analysis. Everything else reads on the primary.
DATABASE_REPLICA_VIEWS = frozenset(
    env.list(
        "DATABASE_REPLICA_VIEWS",
        default=[
            "engagement:home",
            "engagement:campaign-detail",
            "engagement:area-detail",
            "engagement:analysis",
            "engagement:analysis-hexbins",
            "engagement:analysis-compare",
            "engagement-api:contribution-list",
            "engagement-api:campaign-list",
            "contribution-tile",
        ],
    )
)
# A browser that wrote reads on the primary this long (a signed cookie); more than the replica's
# usual lag, so a resident sees their own new pin at once.
DATABASE_REPLICA_STICKY_SECONDS = env.int("DATABASE_REPLICA_STICKY_SECONDS", default=5)
DATABASE_REPLICA_COOKIE = "yhdessa_primary"  # listed in the privacy notice
# Beyond this lag (seconds behind the primary) reads go to the primary; asked of the replica at
# most every DATABASE_REPLICA_CHECK_SECONDS per process.
DATABASE_REPLICA_MAX_LAG_SECONDS = env.float("DATABASE_REPLICA_MAX_LAG_SECONDS", default=5.0)
DATABASE_REPLICA_CHECK_SECONDS = env.float("DATABASE_REPLICA_CHECK_SECONDS", default=1.0)
# X-Database-Reads on each response: where the view read (for tests and operators).
DATABASE_ROUTER_HEADER = env.bool("DATABASE_ROUTER_HEADER", default=False)

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
# Officials land on the queue, analysts on the analysis page (engagement/common/accounts.py).
ACCOUNT_ADAPTER = "engagement.common.accounts.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "engagement:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Yhdessä] "

# Staff sign-in with the city's OpenID Connect provider (config/settings/oidc.py, decision 0035),
# on only when OIDC_SERVER_URL is set: the issuer (https://login.example.fi/realms/city) or its
# discovery document's address. The callback to register is
# <site>/accounts/oidc/staff/login/callback/. Residents keep e-mail sign-in.
OIDC_SERVER_URL = env("OIDC_SERVER_URL", default="")
OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", default="") or "OpenID Connect"
# The claim holding the person's groups or roles ("groups", "roles", "realm_access.roles").
OIDC_ROLES_CLAIM = env("OIDC_ROLES_CLAIM", default="groups")
# {group: {"kind": "moderator", "area": "tesoma", "title": ..., "unit": ...}} as JSON.
OIDC_ROLE_MAP = role_map_read(env("OIDC_ROLE_MAP", default=""))
SOCIALACCOUNT_PROVIDERS = socialaccount_providers(
    server_url=OIDC_SERVER_URL,
    client_id=env("OIDC_CLIENT_ID", default=""),
    secret=env("OIDC_CLIENT_SECRET", default=""),
    name=OIDC_PROVIDER_NAME,
    scopes=env.list("OIDC_SCOPES", default=["openid", "profile", "email"]),
    token_auth_method=env("OIDC_TOKEN_AUTH_METHOD", default=""),
    pkce=env.bool("OIDC_PKCE", default=True),
)
if SOCIALACCOUNT_PROVIDERS:
    INSTALLED_APPS += OIDC_APPS
SOCIALACCOUNT_ADAPTER = "engagement.staff.adapter.StaffSocialAccountAdapter"
# A local account is joined only when the provider asserts email_verified (the adapter checks).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
# The provider vouches for its staff; no confirmation mail is sent to a work address.
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False

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
# English dates for a European reader ("4 Dec 2026"); Django's own fi and sv formats otherwise.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi", "en", "sv")

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / ".local" / "static")
# The maps' npm libraries, built by platform/frontend/build.mjs (`make`, or the Dockerfile) and
# served as static/vendor/; never committed.
VENDOR_DIR = Path(env("VENDOR_DIR", default=str(BASE_DIR / ".local" / "vendor")))
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor", VENDOR_DIR)]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".local" / "media")
# Uploaded files are served only through the app (config/media.py), which checks who may see
# each: a hidden contribution's photos answer 404. Behind nginx, set this to the prefix of an
# `internal` location that aliases MEDIA_ROOT, e.g. /protected-media/: the app checks, nginx
# sends the bytes (README). Never let a web server serve MEDIA_ROOT directly.
MEDIA_ACCEL_REDIRECT_PREFIX = env("MEDIA_ACCEL_REDIRECT_PREFIX", default="")
# Uploads in MEDIA_ROOT, or in a private S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set
# (AWS_S3_ENDPOINT_URL for another provider than AWS, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, or the machine's own AWS credentials when unset). Either way every file
# is served through the app's check (docs/decisions/0029).
STORAGES = {
    "default": media_storage(
        bucket=env("AWS_STORAGE_BUCKET_NAME", default=""),
        endpoint_url=env("AWS_S3_ENDPOINT_URL", default=""),
        region=env("AWS_S3_REGION_NAME", default=""),
        access_key=env("AWS_ACCESS_KEY_ID", default=""),
        secret_key=env("AWS_SECRET_ACCESS_KEY", default=""),
        location=env("AWS_LOCATION", default=""),
        addressing_style=env("AWS_S3_ADDRESSING_STYLE", default=""),
    ),
    "staticfiles": {"BACKEND": "config.storage.StaticStorage"},
}

# Every message (send_mail, mail_admins, allauth) goes into the outbox table, in the transaction
# of the change it announces; the worker delivers it with EMAIL_DELIVERY_BACKEND (config/mail.py).
EMAIL_BACKEND = env("EMAIL_BACKEND", default="config.mail.QueuedEmailBackend")
# Where e-mail really goes (the queue's worker hands each message to it): EMAIL_DELIVERY_BACKEND
# if set, else EMAIL_URL's scheme (smtp+tls://user:password@host:587 for STARTTLS, smtp+ssl:// for
# TLS on connect, consolemail://), else SMTP when EMAIL_HOST is set, else the console.
_EMAIL = env.email_url_config(env("EMAIL_URL", default="") or "consolemail://")
if env("EMAIL_URL", default="") or not env("EMAIL_HOST", default=""):
    _DELIVERY = _EMAIL["EMAIL_BACKEND"]
else:
    _DELIVERY = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_DELIVERY_BACKEND = env("EMAIL_DELIVERY_BACKEND", default=_DELIVERY)
EMAIL_HOST = env("EMAIL_HOST", default=_EMAIL["EMAIL_HOST"] or "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=_EMAIL["EMAIL_PORT"] or 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default=_EMAIL["EMAIL_HOST_USER"] or "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default=_EMAIL["EMAIL_HOST_PASSWORD"] or "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=_EMAIL.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=_EMAIL.get("EMAIL_USE_SSL", False))
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL, not both.")
# Seconds an SMTP call may block; a failed send is retried by the queue, not waited for.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="") or "yhdessa@localhost"
# Errors and admin notices: sent from SERVER_EMAIL to ADMINS ("Name <a@example.org>, b@…").
SERVER_EMAIL = env("SERVER_EMAIL", default="") or DEFAULT_FROM_EMAIL
ADMINS = addresses(env("ADMINS", default=""))
MANAGERS = ADMINS
EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", default="[Yhdessä] ")
ACCESSIBILITY_FEEDBACK_EMAIL = env("ACCESSIBILITY_FEEDBACK_EMAIL", default="")

# The task queue (docs/decisions/0011): django-tasks, its database backend by default, so a task
# is written in the transaction that asks for it. `manage.py worker` runs the tasks.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# Work the worker runs again and again: (dotted path of a @task without arguments, seconds).
# Adding one is one line; the worker keeps exactly one future run of each.
PERIODIC_TASKS = [
    ("config.mail.outbox_sweep", env.int("EMAIL_QUEUE_SWEEP_SECONDS", default=60)),
    ("config.queue.tasks_housekeeping", 600),
    ("engagement.interop.exports.jobs.export_jobs_prune", 3600),
    ("engagement.participation.retention.retention_task", 86400),
    ("config.uploads.photos_sweep_task", 3600),
    (
        "engagement.analysis.services.analysis_refresh_task",
        env.int("ANALYSIS_REFRESH_SECONDS", default=600),
    ),
    ("toolkit.pilots.evaluation.pilot_evaluation_start_task", 3600),
    ("engagement.participation.live.live_changes_prune", 3600),
]
# The analysis page's summaries are rebuilt this often (docs/decisions/0027); a view they do not
# serve (hexagons and words of a period, words of a kind, status or sub-area) counts the newest
# ANALYSIS_LIVE_ROWS matching contributions.
ANALYSIS_REFRESH_SECONDS = env.int("ANALYSIS_REFRESH_SECONDS", default=600)
ANALYSIS_LIVE_ROWS = env.int("ANALYSIS_LIVE_ROWS", default=20000)
# Smallest group any analysis surface shows (background answers, the density map): smaller
# groups are merged or left out, so no figure or cell points at one person (decisions 0033, 0034).
ANALYSIS_MIN_GROUP = env.int("ANALYSIS_MIN_GROUP", default=5)
# Neighbours' evaluation of pilots (docs/decisions/0041): people of the contributions a pilot
# answers and of those whose public location lies within this many metres of its place are
# invited to rate it as it starts and once it reports; their links work for this many days.
PILOT_EVALUATION_DISTANCE_M = env.int("PILOT_EVALUATION_DISTANCE_M", default=300)
PILOT_EVALUATION_LINK_DAYS = env.int("PILOT_EVALUATION_LINK_DAYS", default=60)
# A pilot proposal suggests public contributions of the same theme whose public location lies
# within PILOT_SUGGESTION_METRES of the drawn place (the form may ask for up to 5 km).
PILOT_SUGGESTION_METRES = env.int("PILOT_SUGGESTION_METRES", default=500)
# A failed send is tried again after EMAIL_QUEUE_RETRY_SECONDS, doubling each time up to an hour,
# EMAIL_QUEUE_MAX_ATTEMPTS times in all (about 5 hours); then it is marked failed (`manage.py
# outbox`). Sent messages are deleted from the outbox after EMAIL_QUEUE_KEEP_DAYS.
EMAIL_QUEUE_RETRY_SECONDS = env.float("EMAIL_QUEUE_RETRY_SECONDS", default=30)
EMAIL_QUEUE_MAX_ATTEMPTS = env.int("EMAIL_QUEUE_MAX_ATTEMPTS", default=12)
EMAIL_QUEUE_KEEP_DAYS = env.int("EMAIL_QUEUE_KEEP_DAYS", default=7)
# A task still "running" this long after it started lost its worker (killed) and is run again;
# finished task records are deleted after TASKS_KEEP_DAYS.
TASKS_STALE_SECONDS = env.int("TASKS_STALE_SECONDS", default=1800)
TASKS_KEEP_DAYS = env.int("TASKS_KEEP_DAYS", default=7)
# An export of more contributions than this is written by the worker, for the requester only
# (a signed-in user or a known browser), and kept EXPORT_KEEP_HOURS.
EXPORT_QUEUE_ROWS = env.int("EXPORT_QUEUE_ROWS", default=20000)
EXPORT_KEEP_HOURS = env.int("EXPORT_KEEP_HOURS", default=24)
# Open311's jurisdictions (docs/decisions/0044): the `jurisdiction_id`s this endpoint serves, the
# first the site's own. An unknown one is a 404; with one jurisdiction it may be left out.
OPEN311_JURISDICTIONS = env.list("OPEN311_JURISDICTIONS", default=["tampere.fi"])

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Session auth that also refuses a cookie-carrying write from another site (0013).
        "engagement.interop.authentication.SameOriginSessionAuthentication",
        "engagement.interop.authentication.ApiKeyAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON bodies within bounds (size, depth, finite numbers): a 400 or 413, never a 500.
    "DEFAULT_PARSER_CLASSES": [
        "engagement.common.api.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # An unknown ?format= is a 406, not DRF's 404.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "engagement.common.api.ContentNegotiation",
    # A service's refusal (Django's ValidationError) answers 400 with messages per field.
    "EXCEPTION_HANDLER": "engagement.common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Yhdessä API",
    "DESCRIPTION": (
        "Participatory mapping: areas, campaigns, themes and contributions. Read for people at "
        "/api/v1/docs/. Each operation lists the client errors it can answer; a method a path "
        "does not have answers 405 with an Error body (`detail`) and an `Allow` header."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "HiddenReasonEnum": "engagement.models.HiddenReason",
        "FlagReasonEnum": "engagement.models.Flag.Reason",
    },
    # Every operation lists the client errors it can answer (engagement/common/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "engagement.common.schema.error_responses",
    ],
}

# Shared by every web process, so rate limits hold across gunicorn workers: the database cache
# (`manage.py createcachetable`), or Redis when REDIS_URL is set (redis://host:6379/0), with
# the database cache beside it for the rate limits while Redis is away (docs/decisions/0029).
REDIS_URL = env("REDIS_URL", default="")
CACHES = caches_config(
    redis_url=REDIS_URL, max_entries=env.int("CACHE_MAX_ENTRIES", default=1_000_000)
)
RATE_LIMIT_FALLBACK_CACHE = rate_limit_fallback_cache(redis_url=REDIS_URL)
# Sessions in the database, or read from Redis and written through to the database.
SESSION_ENGINE = session_engine(redis_url=REDIS_URL)
# Anonymous writes allowed per participant and per address (an IPv6 address's /64): (count,
# seconds), in clock-aligned windows; supports and flags count per campaign. Beyond: 429 with
# Retry-After. Signed-in residents and API keys are not limited (docs/decisions/0013).
ANONYMOUS_RATE_LIMITS = {
    "contribution": (env.int("RATE_CONTRIBUTIONS_PER_HOUR", default=10), 3600),
    "comment": (env.int("RATE_COMMENTS_PER_HOUR", default=30), 3600),
    "support": (env.int("RATE_SUPPORTS_PER_HOUR", default=60), 3600),
    "flag": (env.int("RATE_FLAGS_PER_HOUR", default=20), 3600),
}
# Walk sessions, the kiosk and the live screen (issue 17): config/settings/walkshops.py.
from config.settings.walkshops import *  # noqa: E402, F403

# Anonymous supports of one contribution from one address (a family behind one router each
# supports once); beyond, a resident signs in to add theirs.
ANONYMOUS_SUPPORTS_PER_ADDRESS = env.int("ANONYMOUS_SUPPORTS_PER_ADDRESS", default=5)
# Uploads (docs/decisions/0013): the bytes of all files of one request, counted as they arrive
# (engagement.common.uploads); the files of a request; the pixels decoding may produce, per
# photo and for all photos of a request, read from the headers before anything is decoded.
MAX_UPLOAD_BYTES_PER_REQUEST = env.int("MAX_UPLOAD_BYTES_PER_REQUEST", default=30 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("DATA_UPLOAD_MAX_NUMBER_FILES", default=20)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("FILE_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
# A story's video (docs/decisions/0037): the largest upload and the longest video accepted, and
# how long the worker's ffmpeg may run on one before it is stopped (state "failed").
VIDEO_MAX_BYTES = env.int("VIDEO_MAX_BYTES", default=200 * 1024 * 1024)
VIDEO_MAX_SECONDS = env.int("VIDEO_MAX_SECONDS", default=20 * 60)
VIDEO_TRANSCODE_TIMEOUT = env.int("VIDEO_TRANSCODE_TIMEOUT", default=3600)
FILE_UPLOAD_HANDLERS = [
    "engagement.common.uploads.RequestUploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
MAX_DECODED_PIXELS_PER_PHOTO = env.int("MAX_DECODED_PIXELS_PER_PHOTO", default=16_000_000)
MAX_DECODED_PIXELS_PER_REQUEST = env.int("MAX_DECODED_PIXELS_PER_REQUEST", default=64_000_000)
# The browser cookie that lets an anonymous participant be recognised and claim their input.
PARTICIPANT_COOKIE = "yhdessa_participant"
PARTICIPANT_COOKIE_AGE = 365 * 24 * 3600
# Retention (engagement/participation/retention.py, run daily by the worker and by `manage.py
# retention`): this many days after a participant's last activity their cookie token's hash goes,
# and address hashes, unconfirmed sign-ups and feedback e-mail addresses this old are removed.
RETENTION_DAYS = env.int("RETENTION_DAYS", default=365)
if RETENTION_DAYS < 1:
    raise ImproperlyConfigured(f"RETENTION_DAYS must be at least 1, not {RETENTION_DAYS}.")
# The privacy notice (/privacy/): the controller (the city running the service) and where to
# write about personal data; the data protection officer. Empty values read "the city".
PRIVACY_CONTROLLER_NAME = env("PRIVACY_CONTROLLER_NAME", default="")
PRIVACY_CONTROLLER_CONTACT = env("PRIVACY_CONTROLLER_CONTACT", default="")
PRIVACY_DPO_CONTACT = env("PRIVACY_DPO_CONTACT", default="")
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=SESSION_COOKIE_SECURE)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = env("SECURE_REFERRER_POLICY", default="same-origin")
# Trusted reverse proxies in front of the app, each appending the address it saw to
# X-Forwarded-For: the client is the NUM_PROXIES-th address from the right. 0 (no proxy): the
# socket's address, and X-Forwarded-For, which anyone can send, is ignored.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
if NUM_PROXIES < 0:
    raise ImproperlyConfigured(f"NUM_PROXIES must be 0 or more, not {NUM_PROXIES}.")
# Behind a proxy, it says whether the visitor used https (it must overwrite the header, never
# pass on the visitor's own); without one, nobody may claim it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if NUM_PROXIES else None

# The public address of the site (https://yhdessa.example.fi), for links in e-mails. Empty: the
# address each request came to; outside requests in development, LOCAL_SITE_URL.
SITE_URL = env("SITE_URL", default="").rstrip("/")
LOCAL_SITE_URL = f"http://127.0.0.1:{env.int('PORT', default=8000)}"
# load_demo gives the demo accounts the README's passwords; production gives random ones.
DEMO_PUBLIC_PASSWORDS = True

# The default campaign shown at `/`.
DEFAULT_CAMPAIGN_SLUG = env("DEFAULT_CAMPAIGN_SLUG", default="tesoma-together")

# The maps' base layers (config/basemaps.py, docs/decisions/0023): MAP_BASE_LAYERS, a JSON list of
# raster tile servers ({"name", "url", "attribution", "max_zoom", "subdomains"}) and PMTiles files
# served by the site itself ({"pmtiles": "tesoma"}); the switcher on every map offers them and
# "No base map". Unset: MAP_TILES_URL (and MAP_TILES_ATTRIBUTION) as a one-item shorthand, then
# the demo's Tesoma orientation map, which `load_demo` builds into MAP_PMTILES_DIR. No outside
# tile server is assumed; a layer whose PMTiles file is missing is left out.
MAP_BASE_LAYERS = base_layers_read(
    env("MAP_BASE_LAYERS", default=""),
    tiles_url=env("MAP_TILES_URL", default=""),
    tiles_attribution=env("MAP_TILES_ATTRIBUTION", default=""),
)
MAP_PMTILES_DIR = Path(env("MAP_PMTILES_DIR", default=str(BASE_DIR / ".local" / "basemap")))
# The offline walkshop mode (docs/decisions/0046): a PMTiles base map at most this many bytes is
# kept whole in the browser for use without a connection; a larger one is not (the page says so).
OFFLINE_BASEMAP_MAX_BYTES = env.int("OFFLINE_BASEMAP_MAX_BYTES", default=50_000_000)
# The admin's map widgets are django-leaflet's own: they get the raster layers through TILES.
# The site's maps take their layers from MAP_BASE_LAYERS instead (geo/templatetags/site_maps.py).
LEAFLET_CONFIG = {
    "TILES": admin_tiles(MAP_BASE_LAYERS),
    "DEFAULT_CENTER": (61.5, 23.63),
    "DEFAULT_ZOOM": 14,
    "MIN_ZOOM": 9,
    "MAX_ZOOM": 19,
    "RESET_VIEW": False,
    "ATTRIBUTION_PREFIX": "Leaflet",
}

# Content-Security-Policy: the site's own files only, plus the base maps' tile servers
# (docs/decisions/0012). CSP_EXTRA_SOURCES adds sources in the header's own syntax, e.g.
# "img-src https://cdn.example.org; media-src https://cdn.example.org; report-uri /csp-report";
# CSP_REPORT_ONLY=true sends the policy as Content-Security-Policy-Report-Only (to try it out).
_CSP = {
    "DIRECTIVES": policy_directives(
        tile_urls=tile_urls(MAP_BASE_LAYERS),
        extra=env("CSP_EXTRA_SOURCES", default=""),
        form_action_urls=(OIDC_SERVER_URL,) if OIDC_SERVER_URL else (),
    )
}
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _CSP
# Permissions-Policy: no page needs a camera, microphone, payment or device access; the map may
# ask for the visitor's location, on this site only (config.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    "fullscreen": ["self"],  # the workshop plan's and the videos' full-screen buttons
    "camera": [],
    "microphone": [],
    "display-capture": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "midi": [],
    "accelerometer": [],
    "gyroscope": [],
    "magnetometer": [],
    "screen-wake-lock": [],
    "xr-spatial-tracking": [],
    "idle-detection": [],
    # No interest-based advertising from visits here (FLoC's and the Topics API's opt-outs).
    "interest-cohort": [],
    "browsing-topics": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Server errors go to ADMINS through the delivery backend itself, not the outbox: the
        # outbox is in the database, which may be what failed.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
            "email_backend": EMAIL_DELIVERY_BACKEND,
        },
    },
    "loggers": {"django": {"handlers": ["mail_admins"], "level": "INFO"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Debian 12 ships GDAL 3.6, which cannot block file and network access from spatial reference
# strings. User input never reaches GDAL here (points are built from numbers, GeoJSON is parsed
# by GEOS), so the warning is silenced; see docs/decisions/0002-debian-gdal.md.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
