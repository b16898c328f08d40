"""Unprefixed sign addresses: the QR code's target must not depend on a language."""

from django.urls import path

from . import views

urlpatterns = [
    path("s/<slug:code>/", views.scan, name="sign_scan"),
    path("signs/<slug:code>/print/", views.print_sign, name="sign_print"),
]
