"""Python's side of the relay benchmark: a line relay of `seq 1 N` to our stdout.

Usage: python3 line_relay.py N [WORKERS]
With one worker (the default) this is exactly
    p = subprocess.Popen(["seq", "1", str(N)], stdout=subprocess.PIPE)
    for line in p.stdout: sys.stdout.buffer.write(line)
    p.wait()
in the main thread. With WORKERS > 1, each of that many threads does the same at once; every line is
whole on the way out because BufferedWriter.write holds the writer's lock for the whole call.
Run it without PYTHONUNBUFFERED: with it, every line is a write(2) of its own, several times slower.
"""
import subprocess
import sys
import threading


def relay(n):
    p = subprocess.Popen(["seq", "1", str(n)], stdout=subprocess.PIPE)
    for line in p.stdout:
        sys.stdout.buffer.write(line)
    p.wait()


def main():
    n = int(sys.argv[1])
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if workers == 1:
        relay(n)
        return
    threads = [threading.Thread(target=relay, args=(n,)) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
