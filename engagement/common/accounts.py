"""The account adapter: where signing in leads, by the roles a person holds.

allauth asks it only when the sign-in names no `?next=`, so an explicit destination always wins
(allauth checks it first). Officials start their day at the moderation queue, analysts at the
analysis page, residents where they always did (their own contributions); the same for a
sign-in through an identity provider, which allauth ends through this adapter too.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from engagement.rules import analysed_campaigns, moderated_campaigns


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """The queue for anyone with a moderator role, the analysis page for an analyst."""
        user = request.user
        if moderated_campaigns(user).exists():
            return reverse("engagement:moderation-queue")
        if analysed_campaigns(user).exists():
            return reverse("engagement:analysis")
        return super().get_login_redirect_url(request)
