"""What a printed sign shows besides its text: the paper, the QR code to its scan address, and
which chosen languages have no translation yet (shown on screen, never printed)."""

from django.utils.translation import gettext as _

from welcome.core.qr import qr_svg


def sign_context(sign, request):
    """Template context for the print view and the admin preview of ``sign``."""
    versions = sign.printed_versions()
    scan_url = request.build_absolute_uri(sign.get_scan_url())
    paper, orientation = sign.paper
    return {
        "sign": sign,
        "versions": [version for version in versions if version.sign is not None],
        "missing_languages": [version.language for version in versions if version.sign is None],
        "scan_url": scan_url,
        "qr_svg": qr_svg(scan_url, _("QR code: %(url)s") % {"url": scan_url}),
        "paper": paper,
        "orientation": orientation,
    }
