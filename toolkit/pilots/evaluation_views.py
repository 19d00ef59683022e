"""The neighbours' rating page, opened from the invitation's link (`/pilots/evaluate/<token>/`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagement.common.forms import add_service_errors
from toolkit.pilots.evaluation import evaluation_open, pilot_evaluation_answer
from toolkit.pilots.evaluation_forms import EvaluationForm


@require_http_methods(["GET", "HEAD", "POST"])
def pilot_evaluate(request: HttpRequest, token: str) -> HttpResponse:
    """The link is the key: no sign-in needed. A forged token is a 404; an expired one, or one
    for a pilot that was declined, a 410."""
    opened = evaluation_open(token=token)
    if opened.gone:
        return render(request, "toolkit/pilot_evaluation_gone.html", status=410)
    evaluation = opened.evaluation
    if evaluation is None:
        raise Http404
    initial = {"rating": evaluation.rating, "comment": evaluation.comment}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            replaced = pilot_evaluation_answer(
                evaluation=evaluation,
                rating=form.rating_value(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your rating was changed. Thank you!")
                if replaced
                else _("Thank you! Your rating was saved."),
            )
            return redirect(request.path)
    return render(
        request,
        "toolkit/pilot_evaluation.html",
        {"evaluation": evaluation, "pilot": evaluation.pilot, "form": form},
        status=400 if form.errors else 200,
    )
