#!/usr/bin/env python3
"""Writes a `git fast-import` stream of BRANCHES workstream branches on top of `main`.

Usage: generate-branches.py FILES BRANCHES CHANGED | git fast-import --quiet

Each branch `ws-<n>` is one commit on main's tip that rewrites CHANGED files of the repository
generate-repo.py made (FILES files at its first commit). Branches 2k and 2k+1 rewrite two files in
common (so 5 of the 45 pairs conflict, as in a plan where some tasks touch a shared file); every
other file a branch changes is its own. Seeded: every run generates the same branches.
"""
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import importlib.util

spec = importlib.util.spec_from_file_location("generate_repo", __file__.rsplit("/", 1)[0] + "/generate-repo.py")
repo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(repo)

rng = random.Random(20261205)
out = sys.stdout.buffer


def main():
    files, branches, changed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    picks = rng.sample(range(files), branches * changed)
    for b in range(branches):
        own = picks[b * changed:(b + 1) * changed]
        if b % 2 == 1:
            own[:2] = picks[(b - 1) * changed:(b - 1) * changed + 2]  # two files shared with its partner
        out.write(b"commit refs/heads/ws-%d\n" % b)
        stamp = 1800000000 + b * 60
        out.write(b"author Dev <dev@example.com> %d +0000\n" % stamp)
        out.write(b"committer Dev <dev@example.com> %d +0000\n" % stamp)
        msg = ("Workstream %d" % b).encode()
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        out.write(b"from refs/heads/main^0\n")
        for n in own:
            data = repo.content(rng.randint(2000, 10000))
            out.write(b"M 100644 inline %s\ndata %d\n" % (repo.path(n).encode(), len(data)))
            out.write(data)
            out.write(b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
