"""Taxonomy labels in every supported language (django-modeltranslation: a column per language).

Danish is required; a missing label falls back to English, then Danish
(``MODELTRANSLATION_FALLBACK_LANGUAGES``). The columns are in this app's migrations.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Channel, Department, FocusArea, Goal, TargetGroup


class LabelOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("da",)


for model in (Department, FocusArea, Goal, Channel, TargetGroup):
    register(model)(type(f"{model.__name__}TranslationOptions", (LabelOptions,), {}))
