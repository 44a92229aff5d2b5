"""Docker's .dockerignore rules, to check which files `docker build` would send to the daemon.

A reading of moby/patternmatcher (MatchesOrParentMatches, the rules BuildKit applies) and of its
ignorefile.ReadAll: lines are trimmed, "#" lines are comments, "!" re-includes, a pattern is
cleaned like Go's filepath.Clean and made relative; then `*` and `?` never cross a "/", `**`
crosses any number of directories, a pattern that matches a directory excludes everything in
it, and the last pattern that matches a path decides.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

# Characters with a meaning in a regular expression but none in a Go file pattern.
ESCAPED = set(".+()|{}$")


def read_patterns(text: str) -> list[str]:
    """The patterns of a .dockerignore file, normalised as ignorefile.ReadAll does."""
    patterns = []
    for number, line in enumerate(text.splitlines()):
        if number == 0:
            line = line.removeprefix("\ufeff")
        if line.startswith("#"):
            continue
        pattern = line.strip()
        if not pattern:
            continue
        invert = pattern.startswith("!")
        if invert:
            pattern = pattern[1:].strip()
        if pattern:
            pattern = go_clean(pattern)
            if len(pattern) > 1 and pattern.startswith("/"):
                pattern = pattern[1:]
        patterns.append(("!" if invert else "") + pattern)
    return patterns


def go_clean(path: str) -> str:
    """Go's filepath.Clean on a slash-separated path."""
    rooted = path.startswith("/")
    cleaned = posixpath.normpath(path)
    if cleaned.startswith("//"):  # POSIX keeps a leading "//"; Go does not
        cleaned = "/" + cleaned.lstrip("/")
    return cleaned if cleaned != "." or not rooted else "/"


@dataclass
class Pattern:
    text: str
    exclusion: bool
    kind: str  # exact, prefix, suffix or regexp, as patternmatcher names them
    regexp: re.Pattern | None

    def match(self, path: str) -> bool:
        if self.kind == "exact":
            return path == self.text
        if self.kind == "prefix":
            return path.startswith(self.text[:-2])
        if self.kind == "suffix":
            suffix = self.text[2:]
            return path.endswith(suffix) or (suffix.startswith("/") and path == suffix[1:])
        return bool(self.regexp.match(path))


def compile_pattern(text: str) -> Pattern:
    exclusion = text.startswith("!")
    if exclusion:
        text = text[1:]
    regex, kind, i, position = "^", "exact", 0, 0
    while position < len(text):
        char = text[position]
        position += 1
        if char == "*":
            if text[position : position + 1] == "*":
                position += 1
                if text[position : position + 1] == "/":
                    position += 1
                if position == len(text):
                    if kind == "exact":
                        kind = "prefix"
                    else:
                        regex += ".*"
                        kind = "regexp"
                else:
                    regex += "(.*/)?"
                    kind = "regexp"
                if i == 0:
                    kind = "suffix"
            else:
                regex += "[^/]*"
                kind = "regexp"
        elif char == "?":
            regex += "[^/]"
            kind = "regexp"
        elif char in ESCAPED:
            regex += "\\" + char
        elif char == "\\":
            if position < len(text):
                regex += "\\" + text[position]
                position += 1
                kind = "regexp"
            else:
                regex += "\\\\"
        elif char in "[]":
            regex += char
            kind = "regexp"
        else:
            regex += char
        i += 1
    compiled = re.compile(regex + "$") if kind == "regexp" else None
    return Pattern(text=text, exclusion=exclusion, kind=kind, regexp=compiled)


class DockerIgnore:
    """`excludes(path)`: whether `docker build` leaves the file at `path` out of the context."""

    def __init__(self, text: str):
        self.patterns = [compile_pattern(p) for p in read_patterns(text)]

    def excludes(self, path: str) -> bool:
        path = go_clean(path)
        parent = posixpath.dirname(path)
        parents = parent.split("/") if parent else []
        matched = False
        for pattern in self.patterns:
            if pattern.exclusion != matched:
                continue
            match = pattern.match(path)
            if not match and parents:
                match = any(pattern.match("/".join(parents[: i + 1])) for i in range(len(parents)))
            if match:
                matched = not pattern.exclusion
        return matched
