#!/usr/bin/python3
"""Independent reference values for funnel limits for rates around a target (Spiegelhalter 2005, appendix A.1).

Needs only Python's standard library and mpmath (python3-mpmath), from the repository root:

    /usr/bin/python3 tests/reference/generate_funnels.py

Writes funnel_rates.csv beside this script: for a target rate per 100,000 and a population n, the expected count
E = target x n / 100,000; for each tail probability P (0.025 and 0.001 below, 0.975 and 0.999 above) the smallest r
with F(r) >= P for Poisson(E), interpolated as r - (F(r) - P) / (F(r) - F(r - 1)), truncated at 0, per 100,000.
The Poisson distribution function is mpmath's regularised upper incomplete gamma Q(r + 1, E) at 50 digits,
independently of the C# code.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def cdf(r, e):
    if r < 0:
        return mp.mpf(0)
    return mp.gammainc(r + 1, e, mp.inf, regularized=True)


def quantile(p, e):
    p = mp.mpf(p)
    e = mp.mpf(e)
    if e <= 0:
        return mp.mpf(0)
    r = max(0, int(mp.floor(e + mp.sqrt(2) * mp.erfinv(2 * p - 1) * mp.sqrt(e))))
    while cdf(r, e) < p:
        r += 1
    while r > 0 and cdf(r - 1, e) >= p:
        r -= 1
    f_at, f_before = cdf(r, e), cdf(r - 1, e)
    return max(mp.mpf(0), r - (f_at - p) / (f_at - f_before))


def tail(z):
    return mp.ncdf(-z)


def main():
    z95 = -mp.sqrt(2) * mp.erfinv(2 * mp.mpf("0.025") - 1)
    z998 = -mp.sqrt(2) * mp.erfinv(2 * mp.mpf("0.001") - 1)
    rows = []
    for target in [5, 150, 500, 2500, 30000]:
        for n in [50, 1000, 10000, 95000, 1000000, 100000000]:
            e = mp.mpf(target) * n / 100000
            lims = []
            for p in (tail(z95), 1 - tail(z95), tail(z998), 1 - tail(z998)):
                lims.append(quantile(p, e) / n * 100000)
            rows.append([target, n] + lims)
    # Fractional populations and the cases (expected 2.5 and 106.7 events).
    for target, n in [(250, 1000), (10670, 1000), (500, 10000), (1234.5, 468.3358), (80, 35078.488)]:
        e = mp.mpf(target) * mp.mpf(n) / 100000
        lims = [quantile(p, e) / mp.mpf(n) * 100000 for p in (tail(z95), 1 - tail(z95), tail(z998), 1 - tail(z998))]
        rows.append([target, n] + lims)
    with open(os.path.join(HERE, "funnel_rates.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["target", "denominator", "lower95", "upper95", "lower998", "upper998"])
        for row in rows:
            w.writerow([repr(row[0]), repr(row[1])] + [mp.nstr(v, 17) for v in row[2:]])
    print(f"funnel_rates.csv: {len(rows)} rows")


if __name__ == "__main__":
    main()
