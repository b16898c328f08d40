import pytest

from welcome.practices.models import PracticeIndexPage

from ..factories import make_home
from .factories import make_library, make_user


@pytest.fixture(scope="module")
def module_library_id(module_transaction):
    """A Danish home page and library (groups, workflow, permissions) built once per module."""
    return make_library(make_home()).pk


@pytest.fixture
def library(module_library_id, db):
    """The module's library, as a fresh object; each test's changes are rolled back."""
    return PracticeIndexPage.objects.get(pk=module_library_id)


@pytest.fixture
def module_library(library):
    return library


@pytest.fixture
def bif_staff(library):
    return make_user("bif-staff", departments=["bif"])


@pytest.fixture
def sof_staff(library):
    return make_user("sof-staff", departments=["sof"])


@pytest.fixture
def editor(library):
    return make_user("library-editor", editor=True)
