from django.contrib import messages
from wagtail import hooks

from . import conflicts


@hooks.register("before_edit_page")
def hold_back_conflicting_publish(request, page):
    conflicts.hold_back_publishing(request, page)


@hooks.register("after_edit_page")
def report_edit_conflict(request, page):
    message = conflicts.conflict_message(request)
    if message:
        messages.warning(request, message)
