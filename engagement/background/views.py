"""The background step residents see after sending, and the analysts' population form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagement.background.forms import BackgroundForm, PopulationForm
from engagement.background.selectors import answer_of, min_group, survey_questions
from engagement.background.services import background_answer_save, population_save
from engagement.common.forms import add_service_errors
from engagement.models import Campaign, Contribution
from engagement.models.background import PopulationBase, PopulationValue, Question
from engagement.rules import analysed_campaigns

POPULATION_QUESTIONS = (Question.AGE_GROUP, Question.POSTAL_AREA)


def after_contribution(request: HttpRequest, campaign: Campaign, next_url: str) -> HttpResponse:
    """Where a sent contribution leads: the background step when the campaign asks any
    questions the participant has not answered yet, otherwise `next_url`."""
    participant = request.get_participant(create=False)
    if (
        survey_questions(campaign=campaign)
        and answer_of(campaign=campaign, participant=participant) is None
    ):
        url = reverse("engagement:background-answer", kwargs={"slug": campaign.slug})
        return redirect(f"{url}?{urlencode({'next': next_url})}")
    return redirect(next_url)


def _safe_next(request: HttpRequest, campaign: Campaign) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return campaign.get_absolute_url()


@require_http_methods(["GET", "HEAD", "POST"])
def background_answer(request: HttpRequest, slug: str) -> HttpResponse:
    """The optional questions, for a participant who has contributed to the campaign; the
    same page edits the answers later."""
    campaign = get_object_or_404(Campaign, slug=slug)
    questions = survey_questions(campaign=campaign)
    participant = request.get_participant(create=False)
    if (
        not questions
        or participant is None
        or not Contribution.objects.filter(campaign=campaign, participant=participant).exists()
    ):
        raise Http404
    answer = answer_of(campaign=campaign, participant=participant)
    next_url = _safe_next(request, campaign)
    if request.method == "POST":
        form = BackgroundForm(request.POST, questions=questions)
        if "skip" in request.POST:
            return redirect(next_url)
        if form.is_valid():
            try:
                background_answer_save(
                    campaign=campaign, participant=participant, **form.service_kwargs()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your answers were saved."))
                return redirect(next_url)
    else:
        form = BackgroundForm(initial=BackgroundForm.initial_from(answer), questions=questions)
    return render(
        request,
        "engagement/background/answer.html",
        {
            "campaign": campaign,
            "form": form,
            "next": next_url,
            "answered": answer is not None,
            "k": min_group(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def population_edit(request: HttpRequest, slug: str, question: str) -> HttpResponse:
    """An analyst enters the area's population for one question (count or share per group)."""
    campaign = get_object_or_404(analysed_campaigns(request.user), slug=slug)
    if question not in POPULATION_QUESTIONS:
        raise Http404
    base = PopulationBase.objects.filter(campaign=campaign, question=question).first()
    if request.method == "POST":
        form = PopulationForm(request.POST, question=question)
        if form.is_valid():
            data = form.cleaned_data
            population_save(
                campaign=campaign,
                question=question,
                measure=data["measure"],
                source=data["source"],
                year=data["year"],
                values=data["values"],
            )
            messages.success(request, _("The population structure was saved."))
            return redirect(f"{reverse('engagement:analysis')}?campaign={slug}#background")
    else:
        form = PopulationForm(initial=_population_initial(base, question), question=question)
    return render(
        request,
        "engagement/background/population_form.html",
        {
            "campaign": campaign,
            "form": form,
            "question_label": Question(question).label,
            "base": base,
        },
        status=400 if form.errors else 200,
    )


def _population_initial(base: PopulationBase | None, question: str) -> dict:
    if base is None:
        return {}
    initial = {"measure": base.measure, "source": base.source, "year": base.year}
    values = PopulationValue.objects.filter(base=base).order_by("group")
    if question == Question.AGE_GROUP:
        initial.update({f"group_{v.group}": v.value.normalize() for v in values})
    else:
        initial["groups"] = "\n".join(f"{v.group} {v.value.normalize():f}" for v in values)
    return initial
