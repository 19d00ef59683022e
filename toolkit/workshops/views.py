"""Workshop plans and theatre sessions: made from the toolkit, changed by their creator, read
by anyone with the link as a run sheet (printable) and presented full screen, screen by screen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagement.common.forms import form_id
from toolkit.models import MethodCard, PlanKind, Publication, Story, WorkshopItemKind
from toolkit.rules import can_edit_workshop
from toolkit.workshops.forms import plan_edit_from_post, typed_rows
from toolkit.workshops.selectors import workshop_plan_by_token, workshop_schedule
from toolkit.workshops.services import workshop_plan_change, workshop_plan_create

SESSION_KEY = "workshop_plans"  # the tokens of the plans this browser made signed out
SESSION_MAX = 50


def _session_tokens(request: HttpRequest) -> list[str]:
    tokens = request.session.get(SESSION_KEY, [])
    return [t for t in tokens if isinstance(t, str)] if isinstance(tokens, list) else []


def _plan_or_404(token: str):
    plan = workshop_plan_by_token(token=token)
    if plan is None:
        raise Http404
    return plan


def _errors(error: ValidationError) -> dict[str, list[str]]:
    return {key: list(values) for key, values in error.message_dict.items()}


@require_http_methods(["GET", "HEAD", "POST"])
def workshop_new(request: HttpRequest) -> HttpResponse:
    """A facilitator starts a workshop plan or a theatre session, with cards and stories."""
    cards = MethodCard.objects.filter(status=Publication.PUBLISHED)
    stories = Story.objects.filter(status=Publication.PUBLISHED)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        post = request.POST
        try:
            plan = workshop_plan_create(
                user=request.user,
                title=post.get("title", ""),
                kind=post.get("kind", PlanKind.WORKSHOP),
                language=get_language() or "fi",
                start_time=post.get("start_time", ""),
                methods=post.getlist("methods"),
                stories=post.getlist("stories"),
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            if not request.user.is_authenticated:
                request.session[SESSION_KEY] = [*_session_tokens(request), plan.token][
                    -SESSION_MAX:
                ]
            messages.success(
                request,
                _("Your session plan is ready. Share its link, or edit it to order and time it."),
            )
            return redirect(plan)
    return render(
        request,
        "toolkit/workshop_form.html",
        {
            "cards": cards,
            "stories": stories,
            "errors": errors,
            "selected": request.POST,
            "chosen_methods": request.POST.getlist("methods"),
            "chosen_stories": request.POST.getlist("stories"),
            "kinds": PlanKind.choices,
            "kind": request.POST.get("kind") or request.GET.get("kind") or PlanKind.WORKSHOP,
        },
        status=400 if errors else 200,
    )


def workshop_detail(request: HttpRequest, token: str) -> HttpResponse:
    """The plan for anyone with its link: the facilitator's run sheet, printable."""
    plan = _plan_or_404(token)
    return render(
        request,
        "toolkit/workshop_detail.html",
        {
            "plan": plan,
            "schedule": workshop_schedule(plan=plan),
            "share_url": request.build_absolute_uri(plan.get_absolute_url()),
            "can_edit": can_edit_workshop(request.user, plan, _session_tokens(request)),
        },
    )


def workshop_present(request: HttpRequest, token: str) -> HttpResponse:
    """One item a screen, for the room: a scene, then its exercise with a countdown."""
    plan = _plan_or_404(token)
    return render(
        request,
        "toolkit/workshop_present.html",
        {"plan": plan, "schedule": workshop_schedule(plan=plan)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def workshop_edit(request: HttpRequest, token: str) -> HttpResponse:
    """The creator changes the plan: items' minutes, notes and texts, their order (move up,
    move down: without JavaScript each press saves the form and comes back here), adding and
    removing items. A refusal shows every field as typed."""
    plan = _plan_or_404(token)
    tokens = _session_tokens(request)
    if not can_edit_workshop(request.user, plan, tokens):
        raise PermissionDenied(_("Only the plan's creator can change it."))
    errors: dict[str, list[str]] = {}
    post = None
    announce = ""
    if request.method == "POST":
        edit = plan_edit_from_post(request.POST)
        try:
            changed = workshop_plan_change(
                user=request.user, plan=plan, edit=edit, session_tokens=tokens
            )
        except ValidationError as error:
            errors, post = _errors(error), request.POST
        else:
            url = reverse("toolkit:workshop-edit", kwargs={"token": plan.token})
            if changed.item_id is not None:
                kind = "moved" if edit.action == "move" else "added"
                return redirect(
                    f"{url}?{kind}={changed.item_id}&way={edit.direction}#item-{changed.item_id}"
                )
            messages.success(request, _("The plan is saved."))
            return redirect(url)
    schedule = workshop_schedule(plan=plan)
    focus = {"id": None, "button": ""}
    for kind in ("moved", "added"):
        if (value := form_id(request.GET.get(kind))) is not None:
            focus["id"] = value
            focus["button"] = (
                ("up" if request.GET.get("way") == "-1" else "down")
                if kind == "moved"
                else "minutes"
            )
            for row in schedule.items:
                if row.item.pk == focus["id"]:
                    announce = _("%(title)s is now number %(n)s of %(count)s.") % {
                        "title": row.item.heading,
                        "n": row.number,
                        "count": len(schedule.items),
                    }
    return render(
        request,
        "toolkit/workshop_edit.html",
        {
            "plan": plan,
            "schedule": schedule,
            "rows": typed_rows(schedule.items, post),
            "errors": errors,
            "typed": post or {},
            "start_time": (post or {}).get("start_time")
            if post
            else (plan.start_time.strftime("%H:%M") if plan.start_time else ""),
            "title": post.get("title", "") if post else plan.title,
            "cards": MethodCard.objects.filter(status=Publication.PUBLISHED),
            "stories": Story.objects.filter(status=Publication.PUBLISHED),
            "item_kinds": WorkshopItemKind,
            "focus": focus,
            "announce": announce,
            "share_url": request.build_absolute_uri(plan.get_absolute_url()),
        },
        status=400 if errors else 200,
    )
