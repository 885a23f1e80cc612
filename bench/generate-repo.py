#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a synthetic repository with a realistic shape.

Usage: generate-repo.py FILES COMMITS | git fast-import --quiet

The first commit adds FILES source-like files spread over nested folders; each later commit
rewrites a few files and now and then adds one. Contents are random text (base64 of random
bytes), so that objects neither compress away nor delta against each other: the packed
repository stays large (over 50 MB for 5,000 files and 2,000 commits). Seeded: every run
generates the same repository.
"""
import base64
import random
import sys

rng = random.Random(20261124)
out = sys.stdout.buffer


def content(size):
    raw = rng.randbytes(size * 3 // 4)
    text = base64.b64encode(raw)
    lines = [text[i:i + 76] for i in range(0, len(text), 76)]
    return b"\n".join(lines) + b"\n"


def path(n):
    return "src/module%02d/pkg%02d/File%05d.java" % (n % 40, (n // 40) % 25, n)


def commit(number, message, changes):
    out.write(b"commit refs/heads/main\n")
    out.write(b"mark :%d\n" % number)
    stamp = 1700000000 + number * 600
    out.write(b"author Dev <dev@example.com> %d +0000\n" % stamp)
    out.write(b"committer Dev <dev@example.com> %d +0000\n" % stamp)
    msg = message.encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if number > 1:
        out.write(b"from :%d\n" % (number - 1))
    for name, data in changes:
        out.write(b"M 100644 inline %s\ndata %d\n" % (name.encode(), len(data)))
        out.write(data)
        out.write(b"\n")


def main():
    files, commits = int(sys.argv[1]), int(sys.argv[2])
    commit(1, "Initial import", [(path(n), content(rng.randint(2000, 10000))) for n in range(files)])
    count = files
    for number in range(2, commits + 1):
        changes = [(path(rng.randrange(count)), content(rng.randint(3000, 9000))) for _ in range(4)]
        if number % 10 == 0:
            changes.append((path(count), content(rng.randint(2000, 10000))))
            count += 1
        commit(number, "Change %d" % number, changes)
    out.write(b"done\n")


if __name__ == "__main__":
    main()
