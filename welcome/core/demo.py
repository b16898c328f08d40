"""Demo content, contributed by each app in its own ``demo`` module.

An app registers a loader with ``@demo.loader(order=...)``; ``manage.py load_demo`` imports every
app's ``demo`` module and runs the loaders in order. Loaders must be idempotent: running them again
changes nothing.
"""

from django.utils.module_loading import autodiscover_modules

_loaders = []


def loader(order):
    def register(function):
        _loaders.append((order, function.__module__, function))
        return function

    return register


def run_all(log):
    autodiscover_modules("demo")
    for _order, _module, function in sorted(_loaders, key=lambda item: item[:2]):
        function(log)
