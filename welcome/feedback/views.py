"""The public side: a reader sends feedback from any page (cached or not, with or without
JavaScript). See ``origin`` for how the form is protected without a token in the page."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import ratelimit, services
from .forms import NOT_ACCEPTED, FeedbackForm
from .origin import is_same_origin
from .templatetags.feedback_tags import form_context

CROSS_SITE = _(
    "Your feedback could not be sent from this page. Open the page again and send it from there."
)


def _answer(request, template, context, status):
    response = render(request, template, context, status=status)
    patch_cache_control(response, no_store=True)
    return response


@csrf_exempt  # checked by origin instead: cached pages cannot carry a token (see origin.py)
@require_POST
def submit(request):
    if not is_same_origin(request):
        return _answer(request, "feedback/refused.html", {"message": CROSS_SITE}, 403)
    if not ratelimit.allow(request):
        response = _answer(request, "errors/429.html", {}, 429)
        response["Retry-After"] = str(settings.WELCOME_FEEDBACK_RATE_WINDOW_SECONDS)
        return response
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        if form.page_refused:
            return _answer(request, "feedback/refused.html", {"message": NOT_ACCEPTED}, 400)
        context = form_context(form, form.cleaned_data["page"])
        return _answer(request, "feedback/retry.html", context, 400)
    page = form.cleaned_data["page"]
    # A filled honeypot is a bot: thank it like a person, store nothing.
    if not form.is_spam:
        services.record_feedback(
            page=page,
            language=request.LANGUAGE_CODE,
            kind=form.cleaned_data["kind"],
            comment=form.cleaned_data["comment"],
        )
    return _answer(request, "feedback/thanks.html", {"feedback_page": page}, 200)
