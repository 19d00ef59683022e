"""The pages where an organisation's members make, see and revoke its integration API keys
(Open311 and the REST API; decision 0044)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagement.common.forms import add_service_errors
from toolkit.models import Organisation, OrganisationApiKey
from toolkit.pilots.api_key_services import organisation_api_key_create, organisation_api_key_revoke
from toolkit.pilots.forms import ApiKeyForm


def _organisations(request: HttpRequest):
    organisations = Organisation.objects.filter(members=request.user)
    if not organisations.exists():
        raise PermissionDenied(_("Only members of an organisation have API keys."))
    return organisations


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_key_list(request: HttpRequest) -> HttpResponse:
    """The keys of the member's organisations and the form for a new one, whose key is shown
    on the answer to the POST only, never again."""
    organisations = _organisations(request)
    form = ApiKeyForm(request.POST or None, organisations=organisations)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _link, new_key = organisation_api_key_create(
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = ApiKeyForm(organisations=organisations)
    keys = (
        OrganisationApiKey.objects.filter(organisation__in=organisations)
        .select_related("organisation", "api_key")
        .order_by("organisation__name", "-api_key__created_at")
    )
    status = 400 if form.errors else (201 if new_key else 200)
    response = render(
        request,
        "toolkit/api_keys.html",
        {"form": form, "keys": keys, "new_key": new_key},
        status=status,
    )
    if new_key:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; POST revokes: the key is refused from the next request on."""
    link = get_object_or_404(
        OrganisationApiKey.objects.select_related("organisation", "api_key"),
        pk=pk,
        organisation__members=request.user,
    )
    if request.method == "POST":
        if organisation_api_key_revoke(user=request.user, link=link):
            messages.success(
                request, _("The key %(name)s is revoked.") % {"name": link.api_key.name}
            )
        return redirect("toolkit:api-keys")
    return render(request, "toolkit/api_key_revoke.html", {"link": link})
