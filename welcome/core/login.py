"""Admin sign-in with throttling: after ``WELCOME_LOGIN_FAILURE_LIMIT`` failures for one username
from one client address, that pair is locked out for ``WELCOME_LOGIN_LOCKOUT_SECONDS``, and every
lockout is logged. The password is not even checked while locked out."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .clients import client_address

logger = logging.getLogger("welcome.security")


def _key(username, address):
    pair = f"{username.strip().lower()}\n{address}".encode()
    return "welcome:login-failures:" + hashlib.sha256(pair).hexdigest()


class ThrottledLoginForm(LoginForm):
    error_messages = {
        **LoginForm.error_messages,
        "locked_out": _(
            "Too many failed sign-in attempts. Wait %(minutes)s minutes and try again, "
            "or ask an administrator to reset your password."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username", "")
        address = client_address(self.request) if self.request else ""
        key = _key(username, address)
        limit = settings.WELCOME_LOGIN_FAILURE_LIMIT
        lockout = settings.WELCOME_LOGIN_LOCKOUT_SECONDS
        if (cache.get(key) or 0) >= limit:
            raise ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": lockout // 60},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            failures = 1 if cache.add(key, 1, lockout) else cache.incr(key)
            if failures >= limit:
                logger.warning(
                    "Admin sign-in locked for %s seconds: username=%r address=%s after %s failures",
                    lockout,
                    username,
                    address,
                    failures,
                )
            raise
        cache.delete(key)
        return cleaned
