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


def test_the_classes_a_store_hands_out_are_public():
    # So that they can be named in type hints and their docstrings are
    # checked above: store.contacts is an infoview.Contacts, and so on.
    with infoview.open(":memory:") as s:
        handed = [s, s.contacts, s.intros, s.interviews, s.followups, s.notes,
                  s.targets, s.drafts, s.rules, s.network(), s.profile, s.week_review()]
        for obj in handed:
            name = type(obj).__name__
            assert name in infoview.__all__ and getattr(infoview, name) is type(obj), name
