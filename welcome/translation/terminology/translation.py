"""Concept terms and notes in every supported language (django-modeltranslation, plain: one
column per language; Danish required). Lookups read the columns directly, without fallback, so
a missing approval is visible as missing."""

from modeltranslation.translator import TranslationOptions, register

from .models import Concept


@register(Concept)
class ConceptTranslationOptions(TranslationOptions):
    fields = ("term", "note")
    required_languages = ("da",)
