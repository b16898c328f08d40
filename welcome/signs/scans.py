"""Counting QR scans: one counter per sign, day and reader's language, no personal data.

The increment is a single ``UPDATE … SET count = count + 1``; the first scan of a day inserts the
row, and if a concurrent scan inserted it first, the unique constraint makes the insert fail and
the update is repeated. No scan is lost, on SQLite or PostgreSQL.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SignScan


def record_scan(sign, language_code, day=None):
    day = day or timezone.localdate()
    counter = SignScan.objects.filter(
        sign_key=sign.translation_key, day=day, language=language_code
    )
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SignScan.objects.create(
                sign_key=sign.translation_key, day=day, language=language_code, count=1
            )
    except IntegrityError:
        counter.update(count=F("count") + 1)


def totals_by_language(sign):
    """``{language code: scans}`` for a sign, all days together."""
    rows = SignScan.objects.for_sign(sign).values("language").annotate(total=Sum("count"))
    return {row["language"]: row["total"] for row in rows}
