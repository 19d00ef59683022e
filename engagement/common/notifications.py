"""E-mail to residents, each in their own language."""

import hashlib
from collections.abc import Callable

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import translation


def mail_in_languages(
    recipients: dict[str, str], compose: Callable[[], tuple[str, str]], *, key: str = ""
) -> None:
    """Send one e-mail per address; `compose` returns (subject, body) and runs with the
    recipient's language active, so gettext, labels and URLs come out in that language.

    The messages are queued together (one transaction, one delivery over one connection). `key`
    names this sending (a task's id): sent again under the same key, no address gets it twice."""
    messages = []
    for email, language in recipients.items():
        with translation.override(language):
            subject, body = compose()
        message = EmailMessage(subject, body, None, [email])
        if key:
            address = hashlib.blake2b(email.lower().encode(), digest_size=10).hexdigest()
            message.outbox_key = f"{key}:{address}"
        messages.append(message)
    if messages:
        with transaction.atomic():
            get_connection().send_messages(messages)
