"""Any change to the terminology makes every process rebuild its glossaries."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import glossary
from .models import Concept, DiscouragedTerm


@receiver([post_save, post_delete], sender=Concept)
@receiver([post_save, post_delete], sender=DiscouragedTerm)
def terminology_changed(**kwargs):
    glossary.changed()
