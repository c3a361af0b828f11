"""The lesson's program with N workers at once: N processes of print_square(10) started with the given
start method, all joined, then Done!. The whole-process side of the `lesson` benchmark's batch row
(timed from outside, interpreter start included, as `tuiproc run square:10 ...` is).

Usage: python3 lesson_batch.py START_METHOD N
"""
import multiprocessing
import sys


def print_square(num):
    print("Square: {}".format(num * num))


if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    ps = [multiprocessing.Process(target=print_square, args=(10,)) for _ in range(int(sys.argv[2]))]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("Done!")
