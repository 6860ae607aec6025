"""The Python side of the peers comparison: numpy, numexpr and
multiprocessing.Pool.map over numpy.array_split pieces, each written the way
its users write it.

The Go driver (bench/peers) starts one process per system and talks to it
in lines on standard input and output, so that it can time every system in
turn, round after round:

    setup N         fill the inputs (the same values as Go's bench.NewInputs)
    version         "ok python=... numpy=... [numexpr=...]"
    check OP        run OP once on fresh inputs: "ok VALUE" (the result, or
                    out[n//3] + out[n-1] for an operation that writes out)
    time OP REPS    run OP REPS times: "ok SECONDS_PER_CALL"
    quit

An operation that the system cannot express answers "na".

Usage: /usr/bin/python3 peers.py numpy|numexpr|pool THREADS
(numpy is single-threaded: the driver sets OMP_NUM_THREADS=1 and its
friends, so that BLAS is too.)
"""

import multiprocessing
import sys
import time

import numpy as np

ALPHA = 1.0 / 1024  # the scale of addscaled, as in Go's bench package


# The functions Pool.map sends the pieces to: module-level, so that they
# pickle.

def _sumsq(p):
    return float(np.dot(p, p))


def _sum(p):
    return float(p.sum())


def _dot(pq):
    p, q = pq
    return float(np.dot(p, q))


def _muladd(pqr):
    p, q, r = pqr
    return p * q + r


def _exp(p):
    return np.exp(p)


def _addto(pq):
    p, q = pq
    return p + q


def _addscaled(yp):
    y, p = yp
    return y + ALPHA * p


def _moments(p):
    m = p.mean()
    d = p - m
    return len(p), m, float(np.dot(d, d))


def _cumsum(p):
    return np.cumsum(p)


class Data:
    """The inputs of one length: a, b, c read, out written."""

    def __init__(self, n):
        i = np.arange(n, dtype=np.int64)
        self.n = n
        self.a = (i % 2000).astype(np.float64) / 1000.0
        self.b = 1.0 + (i % 7).astype(np.float64) / 8.0
        self.c = (i % 13).astype(np.float64) / 16.0
        self.out = np.zeros(n)
        self.tmp = np.zeros(n)

    def reset(self):
        """Puts out back where check starts from (b, for addscaled)."""
        np.copyto(self.out, self.b)


def numpy_ops(d):
    a, b, c, out, tmp, n = d.a, d.b, d.c, d.out, d.tmp, d.n
    return {
        "sumsq": lambda: np.dot(a, a),
        "sum": lambda: a.sum(),
        "dot": lambda: np.dot(a, b),
        "muladd": lambda: (np.multiply(a, b, out=out), np.add(out, c, out=out)),
        "exp": lambda: np.exp(a, out=out),
        "addto": lambda: np.add(a, b, out=out),
        "addscaled": lambda: (np.multiply(a, ALPHA, out=tmp), np.add(out, tmp, out=out)),
        "variance": lambda: a.var(ddof=1),
        "cumsum": lambda: np.cumsum(a, out=out),
    }


def numexpr_ops(d, ne):
    a, b, c, out, n = d.a, d.b, d.c, d.out, d.n
    ev = ne.evaluate

    def variance():
        m = float(ev("sum(a)", local_dict={"a": a})) / n
        return float(ev("sum((a - m)**2)", local_dict={"a": a, "m": m})) / (n - 1)

    return {
        "sumsq": lambda: ev("sum(a*a)", local_dict={"a": a}),
        "sum": lambda: ev("sum(a)", local_dict={"a": a}),
        "dot": lambda: ev("sum(a*b)", local_dict={"a": a, "b": b}),
        "muladd": lambda: ev("a*b + c", local_dict={"a": a, "b": b, "c": c}, out=out),
        "exp": lambda: ev("exp(a)", local_dict={"a": a}, out=out),
        "addto": lambda: ev("a + b", local_dict={"a": a, "b": b}, out=out),
        "addscaled": lambda: ev("y + alpha*a", local_dict={"y": out, "alpha": ALPHA, "a": a}, out=out),
        "variance": variance,
        # numexpr has no scan.
    }


def pool_ops(d, pool, k):
    a, b, c, out, n = d.a, d.b, d.c, d.out, d.n
    split = np.array_split

    def variance():
        parts = pool.map(_moments, split(a, k))
        cnt, mean, m2 = 0, 0.0, 0.0
        for nb, mb, m2b in parts:  # Chan et al.'s merge
            delta = mb - mean
            tot = cnt + nb
            mean += delta * nb / tot
            m2 += m2b + delta * delta * cnt * nb / tot
            cnt = tot
        return m2 / (cnt - 1)

    def cumsum():
        parts = pool.map(_cumsum, split(a, k))
        off, pos = 0.0, 0
        for p in parts:
            np.add(p, off, out=out[pos:pos + len(p)])
            pos += len(p)
            off = out[pos - 1]

    return {
        "sumsq": lambda: sum(pool.map(_sumsq, split(a, k))),
        "sum": lambda: sum(pool.map(_sum, split(a, k))),
        "dot": lambda: sum(pool.map(_dot, zip(split(a, k), split(b, k)))),
        "muladd": lambda: np.concatenate(pool.map(_muladd, zip(split(a, k), split(b, k), split(c, k))), out=out),
        "exp": lambda: np.concatenate(pool.map(_exp, split(a, k)), out=out),
        "addto": lambda: np.concatenate(pool.map(_addto, zip(split(a, k), split(b, k))), out=out),
        "addscaled": lambda: np.concatenate(pool.map(_addscaled, zip(split(out, k), split(a, k))), out=out),
        "variance": variance,
        "cumsum": cumsum,
    }


def main():
    system, threads = sys.argv[1], int(sys.argv[2])
    pool, ne = None, None
    if system == "pool":
        # Before the inputs exist, so that the workers start small.
        pool = multiprocessing.Pool(threads)
    elif system == "numexpr":
        import numexpr as ne

        ne.set_num_threads(threads)
    elif system != "numpy":
        raise SystemExit("peers.py: unknown system " + system)

    data, ops = None, {}

    def reply(s):
        sys.stdout.write(s + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        f = line.split()
        if not f:
            continue
        try:
            if f[0] == "quit":
                break
            if f[0] == "version":
                v = "python=%s numpy=%s" % (sys.version.split()[0], np.__version__)
                if ne is not None:
                    v += " numexpr=%s" % ne.__version__
                reply("ok " + v)
                continue
            if f[0] == "setup":
                data, ops = None, {}
                data = Data(int(f[1]))
                if system == "numpy":
                    ops = numpy_ops(data)
                elif system == "numexpr":
                    ops = numexpr_ops(data, ne)
                else:
                    ops = pool_ops(data, pool, threads)
                reply("ok")
            elif f[1] not in ops:
                reply("na")
            elif f[0] == "check":
                data.reset()
                r = ops[f[1]]()
                if f[1] in ("sumsq", "sum", "dot", "variance"):
                    v = float(r)
                else:
                    v = float(data.out[data.n // 3] + data.out[data.n - 1])
                reply("ok %r" % v)
            elif f[0] == "time":
                op, reps = ops[f[1]], int(f[2])
                start = time.perf_counter()
                for _ in range(reps):
                    op()
                reply("ok %r" % ((time.perf_counter() - start) / reps))
            else:
                reply("err unknown command " + f[0])
        except Exception as e:  # the driver shows it and goes on
            reply("err %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
    if pool is not None:
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
