from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project package as an app, for commands that compose every app (load_demo)."""

    name = "config"
    label = "config"
    verbose_name = "Yhdessä"
