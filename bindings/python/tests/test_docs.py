"""Every public name has a docstring, and the package is typed."""

import inspect
import os

import infoview


def public_members(obj):
    for name, value in vars(obj).items():
        if not name.startswith("_"):
            yield name, value


def test_every_public_name_has_a_docstring():
    missing = []
    for name in infoview.__all__:
        obj = getattr(infoview, name)
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for cls in obj.__mro__:
                if cls.__module__.startswith("infoview"):
                    for m, v in public_members(cls):
                        if (callable(v) or isinstance(v, (property, staticmethod, classmethod))) \
                                and not inspect.getdoc(v if not isinstance(v, (staticmethod, classmethod)) else v.__func__):
                            missing.append("%s.%s" % (name, m))
    assert missing == []


def test_the_package_is_marked_typed():
    assert os.path.exists(os.path.join(os.path.dirname(infoview.__file__), "py.typed"))
