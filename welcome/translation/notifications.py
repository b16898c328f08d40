"""E-mails: work assigned to a translator, a translation ready for review. Sent with Django's mail
(console backend in development, locmem in tests), in the source language of the site."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from welcome.languages import registry as languages

from . import roles


def _url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _editor_path(content_type_id, translation_key, code):
    return reverse("translation:editor", args=[content_type_id, translation_key, code])


def _send(messages):
    messages = [m for m in messages if m[3]]
    if messages:
        send_mass_mail(messages, fail_silently=True)


def work_assigned(requests):
    """Tell each assignee what they were given (one e-mail per assignee)."""
    by_assignee = {}
    for request in requests:
        if request.assignee_id and request.assignee.email:
            by_assignee.setdefault(request.assignee, []).append(request)
    messages = []
    with translation.override(settings.WELCOME_SOURCE_LANGUAGE):
        for assignee, items in by_assignee.items():
            lines = [
                "- {} ({}): {}".format(
                    item.title,
                    languages.get(item.locale.language_code).english_name,
                    _url(
                        _editor_path(
                            item.content_type_id, item.translation_key, item.locale.language_code
                        )
                    ),
                )
                for item in items
            ]
            subject = _("Translation work for you: %(count)d items") % {"count": len(items)}
            body = _("You have been asked to translate:") + "\n\n" + "\n".join(lines)
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [assignee.email]))
    _send(messages)


def ready_for_review(units):
    """Tell the language's reviewers that units wait for them (one e-mail per object)."""
    objects = {}
    for unit in units:
        objects.setdefault((unit.content_type_id, unit.translation_key, unit.locale), 0)
        objects[(unit.content_type_id, unit.translation_key, unit.locale)] += 1
    messages = []
    User = get_user_model()
    with translation.override(settings.WELCOME_SOURCE_LANGUAGE):
        for (content_type_id, key, locale), count in objects.items():
            language = languages.get(locale.language_code)
            recipients = list(
                User.objects.filter(
                    groups__name=roles.reviewers_group_name(language), is_active=True
                )
                .exclude(email="")
                .values_list("email", flat=True)
            )
            subject = _("%(language)s translation ready for review") % {
                "language": language.english_name
            }
            body = _("%(count)d segments wait for your review: %(url)s") % {
                "count": count,
                "url": _url(_editor_path(content_type_id, key, locale.language_code)),
            }
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
    _send(messages)
