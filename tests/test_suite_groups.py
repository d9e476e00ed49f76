"""The suite's own layout: the xdist groups that tests/conftest.py gives reach xdist, so
the users of one expensive fixture really share one worker (decision 0013)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="module")
def shared() -> object:
    return object()


def test_a_user_of_a_module_fixture_runs_in_its_modules_group(shared, request):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip("one process (-n 0): nothing is distributed")
    # xdist's loadgroup reads the group from a suffix it adds to the test id in its own
    # collection hook; a group it does not see is no group (each worker builds the fixture).
    assert request.node.nodeid.endswith("@tests.test_suite_groups"), request.node.nodeid
