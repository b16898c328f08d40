import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("translation", "0001_initial"),
    ]

    operations = [
        # The reference becomes a link to the engine's request (no rows to keep: not yet deployed).
        migrations.RemoveField(model_name="feedback", name="translation_request"),
        migrations.AddField(
            model_name="feedback",
            name="translation_request",
            field=models.ForeignKey(
                blank=True,
                help_text="The translation request made from this feedback.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="translation.translationrequest",
            ),
        ),
    ]
