"""Integration API keys, made by the service so the stored hash matches the secret."""

import factory
from django.utils import timezone

from engagement.interop.services import api_key_create
from engagement.models import ApiKey, ExportJob


class ApiKeyFactory(factory.django.DjangoModelFactory):
    """A live key; the secret, shown once in real life, is kept on the row as `secret`.

    `revoked` makes a key that has been revoked.
    """

    class Meta:
        model = ApiKey

    class Params:
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))

    name = factory.Sequence(lambda n: f"Feedback app {n}")
    organisation = "City of Tampere"
    revoked_at = None

    @classmethod
    def _create(cls, model_class, *, name: str, organisation: str, revoked_at=None, **kwargs):
        api_key, secret = api_key_create(name=name, organisation=organisation)
        if revoked_at is not None:
            api_key.revoked_at = revoked_at
            api_key.save(update_fields=["revoked_at"])
        api_key.secret = secret
        return api_key


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A large export waiting for the worker, asked for by an anonymous participant's browser."""

    class Meta:
        model = ExportJob

    participant = factory.SubFactory("tests.factories.engagement.ParticipantFactory")
    format = "csv"
    query = "campaign=tesoma-together"
    language = "fi"
    url_prefix = "http://testserver"
