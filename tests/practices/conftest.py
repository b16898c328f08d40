import pytest

from welcome.practices.models import PracticeIndexPage

from ..factories import make_home
from .factories import make_library, make_user


@pytest.fixture
def library(home):
    return make_library(home)


@pytest.fixture
def bif_staff(library):
    return make_user("bif-staff", departments=["bif"])


@pytest.fixture
def sof_staff(library):
    return make_user("sof-staff", departments=["sof"])


@pytest.fixture
def editor(library):
    return make_user("library-editor", editor=True)


@pytest.fixture(scope="module")
def module_library_id(module_transaction):
    return make_library(make_home()).pk


@pytest.fixture
def module_library(module_library_id, db):
    """A Danish home page and library built once per module; each test gets a fresh object."""
    return PracticeIndexPage.objects.get(pk=module_library_id)
