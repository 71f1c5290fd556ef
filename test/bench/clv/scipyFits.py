"""Peer fits for test/bench/clv.bench.ts: the way lifetimes fits BTYD models.

BFGS (scipy.optimize.minimize) on log-parameters, minimising the mean negative
log-likelihood vectorised with numpy over every customer (lifetimes does not
compress identical patterns). BG/NBD and MBG/NBD get their exact gradients
(what lifetimes obtains from autograd); Pareto/NBD uses scipy's finite
differences, with scipy.special.hyp2f1 in its likelihood. Written for this
benchmark; lifetimes itself is not installed.

Usage: python3 scipyFits.py rows.csv model[,model...] start.json
Prints one JSON line per model: {model, seconds (median), ll, params, rss_mb}.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, digamma, gammaln, hyp2f1, logsumexp


def bg_like(shift):
    def f(logp, x, tx, T):
        r, alpha, a, b = np.exp(logp)
        A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        A2 = gammaln(a + b) + gammaln(b + x + shift) - gammaln(b) - gammaln(a + b + x + shift)
        A3 = -(r + x) * np.log(alpha + T)
        has = (x + shift) > 0
        A4 = np.where(has, np.log(a) - np.log(np.where(has, b + x - 1 + shift, 1.0)) - (r + x) * np.log(alpha + tx), -np.inf)
        m = np.maximum(A3, A4)
        s = np.exp(A3 - m) + np.exp(A4 - m)
        ll = A1 + A2 + m + np.log(s)
        w4 = np.exp(A4 - m) / s
        w3 = 1 - w4
        n = x.size
        g_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * np.log(alpha + T) - w4 * np.log(alpha + tx)
        g_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
        g_a = digamma(a + b) - digamma(a + b + x + shift) + w4 / a
        g_b = digamma(a + b) + digamma(b + x + shift) - digamma(b) - digamma(a + b + x + shift) - w4 / np.where(has, b + x - 1 + shift, 1.0)
        grad = np.array([g_r.sum(), g_alpha.sum(), g_a.sum(), g_b.sum()]) * np.array([r, alpha, a, b])
        return -ll.sum() / n, -grad / n

    return f


def pareto(logp, x, tx, T):
    r, alpha, s, beta = np.exp(logp)
    maxab = max(alpha, beta)
    absab = abs(alpha - beta)
    param2 = s + 1 if alpha >= beta else r + x
    rsx = r + s + x

    def term(y):
        return np.log(hyp2f1(rsx, param2, rsx + 1, absab / (maxab + y))) - rsx * np.log(maxab + y)

    log_a0 = logsumexp(np.stack([term(tx), term(T)]), axis=0, b=np.array([[1.0], [-1.0]]))
    alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    died = np.log(s) - np.log(rsx) + log_a0
    ll = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta) + np.logaddexp(alive, died)
    return -ll.mean()


def main():
    data = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
    x, tx, T = data[:, 0], data[:, 1], data[:, 2]
    starts = json.loads(open(sys.argv[3]).read())
    for model in sys.argv[2].split(","):
        x0 = np.log(np.array(starts[model], dtype=float))
        if model == "pareto_nbd":
            run = lambda: minimize(pareto, x0, args=(x, tx, T), method="BFGS", options={"gtol": 1e-7})
        else:
            fn = bg_like(0 if model == "bg_nbd" else 1)
            run = lambda: minimize(fn, x0, args=(x, tx, T), jac=True, method="BFGS", options={"gtol": 1e-7})
        times = []
        result = run()  # untimed warm-up, as on the memberkit side
        for _ in range(int(sys.argv[4]) if len(sys.argv) > 4 else 3):
            t0 = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - t0)
        ll = -(pareto(result.x, x, tx, T) if model == "pareto_nbd" else bg_like(0 if model == "bg_nbd" else 1)(result.x, x, tx, T)[0]) * x.size
        print(json.dumps({
            "model": model,
            "seconds": float(np.median(times)),
            "ll": float(ll),
            "params": np.exp(result.x).tolist(),
            "success": bool(result.success),
            "message": str(result.message),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }), flush=True)


main()
