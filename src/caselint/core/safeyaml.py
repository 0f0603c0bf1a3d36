"""YAML for case metadata (front matter, ``case.yaml``): small, flat, and without aliases.

``yaml.safe_load`` constructs no objects, but it still expands aliases: a kilobyte of nested
``&a [*b, *b, …]`` anchors becomes billions of list items (minutes and gigabytes), and a few
hundred nested brackets exhaust Python's stack. Metadata is a table of ``key: value`` lines
that never needs either, so this loader refuses aliases, caps the nesting depth and the size
of the text, and turns every failure into a :class:`YamlError` with a one-line reason.
"""

from __future__ import annotations

from typing import Any

#: Front matter and metadata files hold a dozen fields; 256 KB is far beyond any real one.
MAX_YAML_CHARS = 256 * 1024
#: Metadata nests a list in a table at most; 32 levels leave room and stay far from the stack.
MAX_DEPTH = 32


class YamlError(ValueError):
    """Metadata YAML that is refused or cannot be parsed; ``str()`` is a one-line reason."""


def load_yaml(text: str) -> Any:
    """The data of a YAML document (None when empty), or :class:`YamlError`."""
    import yaml

    if len(text) > MAX_YAML_CHARS:
        raise YamlError(f"YAML too large ({len(text)} characters, limit {MAX_YAML_CHARS})")

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise YamlError(f"YAML aliases (*name) are not allowed, line {mark.line + 1}")
            self.depth += 1
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlError(f"YAML nested deeper than {MAX_DEPTH} levels, line {mark.line + 1}")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    loader = Loader(text)
    try:
        return loader.get_single_data()
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0]) from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # e.g. an integer of 5000 digits (Python's int/str conversion limit)
        raise YamlError(f"{type(exc).__name__}: {exc}".splitlines()[0][:200]) from exc
    finally:
        loader.dispose()
