#!/usr/bin/python3
"""Independent reference values for funnel limits around a target (Spiegelhalter 2005, appendix A.1).

Needs only Python's standard library and mpmath (python3-mpmath), from the repository root:

    /usr/bin/python3 tests/reference/generate_funnels.py [rates] [proportions]

Writes funnel_rates.csv and funnel_proportions.csv beside this script. Rates: for a target rate per 100,000 and a
population n, the expected count E = target x n / 100,000 and X ~ Poisson(E); proportions: X ~ Binomial(n, theta).
For each tail probability q (0.025, 0.001):
  lower limit: the smallest r with F(r) = P(X <= r) >= q, interpolated as r - (F(r) - q) / (F(r) - F(r - 1)),
  upper limit: the smallest r with G(r) = P(X >= r) <= q, interpolated as r - (q - G(r)) / (G(r - 1) - G(r)),
truncated at 0 (and n), divided by n. The distribution functions are computed at 50 digits with mpmath (Poisson:
the regularised incomplete gamma, F(r) = Q(r + 1, E); binomial: a term-by-term sum downward from P(X = r), which is
taken from log-gamma), with G(r) = 1 - F(r - 1), independently of the C# code.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def poisson_f(r, e):
    if r < 0:
        return mp.mpf(0)
    return mp.gammainc(r + 1, e, mp.inf, regularized=True)


def poisson_g(r, e):
    # P(X >= r) = 1 - F(r - 1): at 50 digits the subtraction keeps every tail used here to well beyond 17 figures.
    return 1 - poisson_f(r - 1, e)


def binom_f(r, n, theta):
    # P(X <= r), summed term by term downward from r with P(k - 1) = P(k) k (1 - theta) / ((n - k + 1) theta), from
    # P(r) by log-gamma; terms more than 40 standard deviations below add nothing at 50 digits.
    if r < 0:
        return mp.mpf(0)
    if r >= n:
        return mp.mpf(1)
    theta = mp.mpf(theta)
    term = mp.exp(mp.loggamma(n + 1) - mp.loggamma(r + 1) - mp.loggamma(n - r + 1) + r * mp.log(theta) + (n - r) * mp.log(1 - theta))
    total = term
    stop = max(0, r - int(40 * mp.sqrt(n * theta * (1 - theta))) - 50)
    k = r
    while k > stop:
        term *= k * (1 - theta) / ((n - k + 1) * theta)
        total += term
        k -= 1
    return total


def binom_g(r, n, theta):
    # P(X >= r) = 1 - F(r - 1), as for the Poisson.
    return 1 - binom_f(r - 1, n, theta)


def lower_limit(q, f, start):
    r = max(0, start)
    while f(r) < q:
        r += 1
    while r > 0 and f(r - 1) >= q:
        r -= 1
    return max(mp.mpf(0), r - (f(r) - q) / (f(r) - f(r - 1)))


def upper_limit(q, g, start):
    r = max(0, start)
    while g(r) > q:
        r += 1
    while r > 0 and g(r - 1) <= q:
        r -= 1
    if r == 0:
        return mp.mpf(0)
    return max(mp.mpf(0), r - (q - g(r)) / (g(r - 1) - g(r)))


def poisson_limits(e, tails):
    e = mp.mpf(e)
    if e <= 0:
        return [mp.mpf(0)] * (2 * len(tails))
    out = []
    sd = mp.sqrt(e)
    for q in tails:
        z = -mp.sqrt(2) * mp.erfinv(2 * q - 1)
        out.append(lower_limit(q, lambda r: poisson_f(r, e), int(mp.floor(e - z * sd))))
        out.append(upper_limit(q, lambda r: poisson_g(r, e), int(mp.floor(e + z * sd))))
    return out


def binomial_limits(n, theta, tails):
    theta = mp.mpf(theta)
    out = []
    sd = mp.sqrt(n * theta * (1 - theta))
    for q in tails:
        z = -mp.sqrt(2) * mp.erfinv(2 * q - 1)
        out.append(min(mp.mpf(n), lower_limit(q, lambda r: binom_f(r, n, theta), int(mp.floor(n * theta - z * sd)))))
        out.append(min(mp.mpf(n), upper_limit(q, lambda r: binom_g(r, n, theta), int(mp.floor(n * theta + z * sd)))))
    return out


def write(name, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["target", "denominator", "lower95", "upper95", "lower998", "upper998"])
        for row in rows:
            w.writerow([repr(row[0]), repr(row[1])] + [mp.nstr(v, 17) for v in row[2:]])
    print(f"{name}: {len(rows)} rows")


def main(which=("rates", "proportions")):
    tails = (mp.mpf("0.025"), mp.mpf("0.001"))
    rows = []
    if "rates" not in which:
        cases = []
    else:
        cases = [(t, n) for t in [5, 150, 500, 2500, 30000] for n in [50, 1000, 10000, 95000, 1000000, 100000000]]
        # Non-whole populations and the cases (expected 2.5 and 106.7 events).
        cases += [(250, 1000), (10670, 1000), (500, 10000), (1234.5, 468.3358), (80, 35078.488)]
    for target, n in cases:
        e = mp.mpf(target) * mp.mpf(n) / 100000
        lims = [v / mp.mpf(n) * 100000 for v in poisson_limits(e, tails)]
        rows.append([target, n] + lims)
    if rows:
        write("funnel_rates.csv", rows)
    if "proportions" not in which:
        return

    rows = []
    for theta in [0.01, 0.1, 0.3, 0.5, 0.77, 0.95]:
        for n in [20, 100, 1000, 12345, 1000000]:
            lims = [100 * v / n for v in binomial_limits(n, theta, tails)]
            rows.append([theta, n] + lims)
    write("funnel_proportions.csv", rows)


if __name__ == "__main__":
    import sys

    main(tuple(sys.argv[1:]) or ("rates", "proportions"))
