from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project package as an app: commands that compose every app (load_demo), the e-mail
    outbox and the task queue's worker side."""

    name = "config"
    label = "config"
    verbose_name = "Yhdessä"

    def ready(self) -> None:
        from config import queue  # noqa: F401  (connects the periodic tasks' scheduler)
