import logging
import os

import pytest

from welcome.core.cache import ResilientRedisCache


def test_an_unreachable_redis_degrades_to_a_per_process_cache(caplog):
    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {}})

    with caplog.at_level(logging.WARNING, logger="welcome.core.cache"):
        assert cache.get("missing") is None
        cache.set("key", "value", 30)
        assert cache.get("key") == "value"
        assert cache.add("counter", 1) is True
        assert cache.incr("counter") == 2

    warnings = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(warnings) == 1  # logged once a minute, not on every call


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (set in CI)")
def test_a_reachable_redis_is_used_and_shared():
    url = os.environ["REDIS_URL"]
    first = ResilientRedisCache(url, {"OPTIONS": {}})
    second = ResilientRedisCache(url, {"OPTIONS": {}})

    first.set("welcome-test-shared", "yes", 30)

    assert second.get("welcome-test-shared") == "yes"
    second.delete("welcome-test-shared")
