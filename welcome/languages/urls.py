from django.urls import path

from . import views

app_name = "languages"

urlpatterns = [
    path("page/<int:page_id>/", views.page_in_language, name="page_in_language"),
]
