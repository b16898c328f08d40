from django.urls import path

from .views import editor, queue, tools

app_name = "translation"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("overview/", queue.report, name="overview"),
    path("request/", queue.request_translation, name="request"),
    path(
        "edit/<int:content_type_id>/<uuid:translation_key>/<str:code>/",
        editor.editor,
        name="editor",
    ),
    path(
        "edit/<int:content_type_id>/<uuid:translation_key>/<str:code>/preview/",
        editor.preview,
        name="preview",
    ),
    path("unit/<int:pk>/save/", editor.save_unit, name="save_unit"),
    path("unit/<int:pk>/check/", tools.check_unit, name="check_unit"),
    path("unit/<int:pk>/memory/", tools.apply_memory, name="apply_memory"),
    path("po/export/", tools.po_export, name="po_export"),
    path("po/import/", tools.po_import, name="po_import"),
]
