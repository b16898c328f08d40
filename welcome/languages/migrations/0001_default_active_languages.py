from django.conf import settings
from django.db import migrations


def create_default_locales(apps, schema_editor):
    """The default active languages (settings) as Locale rows; more are activated later as data."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in settings.WELCOME_DEFAULT_ACTIVE_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(create_default_locales, migrations.RunPython.noop)]
