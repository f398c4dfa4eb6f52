#!/usr/bin/env python3
"""Runs a command and reports its wall time and the peak memory (RSS) of its
whole process tree: the parent and every worker it starts, summed, sampled
every 20 ms from /proc. Usage: treemem.py CMD [ARGS...]"""
import os, subprocess, sys, time


def tree_rss_kb(root):
    children = {}
    rss = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/statm") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(pid))
        rss[int(pid)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


start = time.monotonic()
proc = subprocess.Popen(sys.argv[1:])
peak = 0
while proc.poll() is None:
    peak = max(peak, tree_rss_kb(proc.pid))
    time.sleep(0.02)
wall = time.monotonic() - start
print(f"wall={wall:.2f}s peak_tree_rss={peak / 1024:.1f}MiB exit={proc.returncode}")
sys.exit(proc.returncode)
