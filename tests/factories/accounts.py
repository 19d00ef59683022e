"""Accounts: residents, officials' user rows and toolkit editors."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

# The group the demo loader makes and the editor's permission check is written for.
TOOLKIT_EDITORS = "Toolkit editors"
TOOLKIT_EDITOR_PERMISSIONS = ("add_methodcard", "change_methodcard", "add_story", "change_story")


def toolkit_editors_group() -> Group:
    """The "Toolkit editors" group with the permissions to write cards and stories."""
    group, _created = Group.objects.get_or_create(name=TOOLKIT_EDITORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="toolkit", codename__in=TOOLKIT_EDITOR_PERMISSIONS
        )
    )
    return group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"resident{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class ToolkitEditorFactory(UserFactory):
    """A user in the "Toolkit editors" group."""

    username = factory.Sequence(lambda n: f"editor{n}")

    @factory.post_generation
    def groups(self, create: bool, extracted, **kwargs) -> None:
        if create:
            self.groups.add(toolkit_editors_group(), *(extracted or ()))
