"""allauth's social-account adapter for the staff sign-in (docs/decisions/0035).

Only officials sign in through the city's identity provider: a person whose groups give no
Yhdessä role gets no account here (residents sign up with e-mail). An existing local account
with the same e-mail is joined only when the provider asserts email_verified; otherwise the
sign-in is refused, since whoever controls the provider account could otherwise take over a
resident's account by naming its address. Every sign-in syncs the provider's roles.
"""

from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagement.staff.roles import (
    RoleGrant,
    claims_of,
    grants_for_groups,
    groups_from_claims,
    has_any_role,
    roles_sync,
)


def email_verified(claims: dict) -> bool:
    """The provider asserts the address is verified: true, or the string "true" (some send
    one); allauth's own check would take the string "false" for yes."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _grants(sociallogin) -> list[RoleGrant]:
    return grants_for_groups(groups_from_claims(claims_of(sociallogin.account.extra_data)))


def _refuse(request: HttpRequest, message: str) -> None:
    messages.error(request, message)
    raise ImmediateHttpResponse(HttpResponseRedirect(reverse("account_login")))


class StaffSocialAccountAdapter(DefaultSocialAccountAdapter):
    def generate_state_param(self, state: dict) -> str:
        """The page's language travels in the state: the callback has one address for every
        language (the one registered at the provider), so it is told which to answer in."""
        request = context.request
        language = request.POST.get("language", "") if request is not None else ""
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        state["language"] = language
        return super().generate_state_param(state)

    def authenticate_by_email(self, sociallogin):
        """A local account is found by e-mail only when the provider verified the address."""
        verified = email_verified(claims_of(sociallogin.account.extra_data))
        for address in sociallogin.email_addresses:
            address.verified = verified
        return super().authenticate_by_email(sociallogin) if verified else None

    def pre_social_login(self, request: HttpRequest, sociallogin) -> None:
        language = sociallogin.state.get("language")
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        grants = _grants(sociallogin)
        if sociallogin.is_existing:
            roles_sync(sociallogin.user, grants)
            if not has_any_role(sociallogin.user):
                _refuse(request, _no_role_message())
            return
        email = (sociallogin.user.email or "").strip()
        if not email:
            _refuse(request, _("The city's sign-in service did not tell us your e-mail address."))
        if (
            get_user_model().objects.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        ):
            _refuse(
                request,
                _(
                    "An account with the address %(email)s exists already, and the city's "
                    "sign-in service has not confirmed that the address is yours, so the two "
                    "cannot be joined. Sign in with your password, or ask the administrator."
                )
                % {"email": email},
            )
        if not grants:
            _refuse(request, _no_role_message())

    def save_user(self, request: HttpRequest, sociallogin, form=None):
        """A new official's account, with the roles of their groups."""
        user = super().save_user(request, sociallogin, form)
        roles_sync(user, _grants(sociallogin))
        return user


def _no_role_message() -> str:
    return _(
        "Your city account has no role in Yhdessä. Residents sign in with their e-mail "
        "address; officials ask their administrator for a Yhdessä group."
    )
