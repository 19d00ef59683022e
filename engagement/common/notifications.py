"""E-mail to residents, each in their own language."""

from collections.abc import Callable

from django.core.mail import send_mail
from django.utils import translation


def mail_in_languages(recipients: dict[str, str], compose: Callable[[], tuple[str, str]]) -> None:
    """Send one e-mail per address; `compose` returns (subject, body) and runs with the
    recipient's language active, so gettext, labels and URLs come out in that language."""
    for email, language in recipients.items():
        with translation.override(language):
            subject, body = compose()
        send_mail(subject, body, None, [email])
