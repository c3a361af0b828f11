"""Python's side of the spawn-and-join benchmark: the lesson's Process(target=print_square).start()/join().

Usage: python3 mp_spawn_join.py START_METHOD ONE_AT_A_TIME_COUNT BATCH_SIZE
Prints one JSON object: milliseconds per start+join (one at a time), and for a batch started at once.
The child prints its result, as in the lesson, to a pipe (stdout is captured by the caller).
"""
import json
import multiprocessing as mp
import sys
import time


def print_square(num):
    print("Square: {}".format(num * num))


def main():
    method, count, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mp.set_start_method(method)
    for _ in range(3):  # warm-up
        p = mp.Process(target=print_square, args=(10,))
        p.start()
        p.join()
    t = time.perf_counter()
    for _ in range(count):
        p = mp.Process(target=print_square, args=(10,))
        p.start()
        p.join()
    one = (time.perf_counter() - t) / count * 1000
    t = time.perf_counter()
    ps = [mp.Process(target=print_square, args=(10,)) for _ in range(batch)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    many = (time.perf_counter() - t) * 1000
    sys.stderr.write(json.dumps({"one_ms": one, "batch_ms": many}) + "\n")


if __name__ == "__main__":
    main()
