"""Two editors on one page: Wagtail saves the second editor's form over the first's (only its
autosave refuses). Here the second save is kept as a new draft revision and never published, and
the editor is told who saved in between, so nothing is lost and nothing unseen goes live."""

from django.utils.translation import gettext as _

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


def newer_revision(request, page):
    """The revision someone else saved after this editor loaded the page, or ``None``."""
    loaded = request.POST.get("loaded_revision_id")
    latest = page.get_latest_revision()
    if not loaded or latest is None or str(latest.pk) == loaded:
        return None
    if latest.user_id == request.user.pk:
        return None  # the editor's own later save (another tab): not a conflict with anyone
    return latest


def hold_back_publishing(request, page):
    """``before_edit_page``: on a conflict, turn publish/submit into a draft save."""
    if request.method != "POST":
        return
    revision = newer_revision(request, page)
    if revision is None:
        return
    request.POST = request.POST.copy()
    for action in PUBLISHING_ACTIONS:
        request.POST.pop(action, None)
    request.welcome_edit_conflict = revision


def conflict_message(request):
    revision = getattr(request, "welcome_edit_conflict", None)
    if revision is None:
        return None
    return _(
        "%(user)s saved this page at %(time)s while you were editing. Your changes are kept as a "
        "new draft and were not published. Compare the two versions in the page history, then "
        "publish."
    ) % {
        "user": revision.user.get_full_name() or revision.user.get_username()
        if revision.user
        else _("Someone"),
        "time": revision.created_at.strftime("%H:%M"),
    }
