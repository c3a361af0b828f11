"""Python's side of the pool benchmark: multiprocessing.Pool(SIZE).map(square, range(1, COUNT + 1)).

Usage: python3 mp_pool_map.py START_METHOD SIZE COUNT
Times pool creation + map + close + join with perf_counter, after one untimed pool of the same shape
(the first pool in a process also imports multiprocessing.pool and its helpers: about 40 ms more here).
Prints one JSON object on stderr: the timed milliseconds, the untimed first pool's, and whether every
result was right.
"""
import json
import multiprocessing as mp
import sys
import time


def square(n):
    return n * n


def pool_map(size, count):
    t = time.perf_counter()
    pool = mp.Pool(size)
    results = pool.map(square, range(1, count + 1))
    pool.close()
    pool.join()
    return (time.perf_counter() - t) * 1000, results == [n * n for n in range(1, count + 1)]


def main():
    method, size, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mp.set_start_method(method)
    first, first_ok = pool_map(size, count)
    ms, ok = pool_map(size, count)
    sys.stderr.write(json.dumps({"ms": ms, "first_ms": first, "ok": ok and first_ok}) + "\n")


if __name__ == "__main__":
    main()
