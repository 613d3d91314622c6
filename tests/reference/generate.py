#!/usr/bin/python3
"""Independent reference values for the CommunitySafety statistics engine.

Run with Debian's Python and SciPy (python3-scipy), from the repository root:

    /usr/bin/python3 tests/reference/generate.py

Writes the CSV tables beside this script. The C# tests in
tests/CommunitySafety.Core.Tests/Statistics/ReferenceTableTests.cs read them and match to 1e-9 relative.
Every formula here is written from the published definitions with SciPy's distributions, independently of
the C# code.
"""
import csv
import math
import os
import random

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
Z_EXACT = {0.95: stats.norm.ppf(0.975), 0.998: stats.norm.ppf(0.999)}
Z_ROUNDED = {0.95: 1.96, 0.998: 3.0902}
ESP2013 = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
           7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
CHI2_998 = stats.chi2.ppf(0.998, 1)


def fmt(x):
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return repr(float(x))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([fmt(v) for v in row])
    print(f"{name}: {len(rows)} rows")


# Poisson limits ---------------------------------------------------------------------------------------------
def exact_lower(o, conf):
    return 0.0 if o == 0 else stats.chi2.ppf((1 - conf) / 2, 2 * o) / 2


def exact_upper(o, conf):
    return stats.chi2.ppf(1 - (1 - conf) / 2, 2 * o + 2) / 2


def byars_lower(o, z):
    # Floored at 0: at count 1 and 99.8% the cube goes below 0, which a count's limit cannot be (methodology.md).
    return 0.0 if o == 0 else max(0.0, o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3)


def byars_upper(o, z):
    return (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3


def poisson_limits(o, method, zs):
    if method == "auto":
        method = "exact" if o < 10 else "byars"
    if method == "exact":
        return [exact_lower(o, 0.95), exact_upper(o, 0.95), exact_lower(o, 0.998), exact_upper(o, 0.998)]
    return [byars_lower(o, zs[0.95]), byars_upper(o, zs[0.95]), byars_lower(o, zs[0.998]), byars_upper(o, zs[0.998])]


def rates(rng):
    counts = list(range(0, 21)) + [25, 50, 99, 100, 173, 192, 500, 1000, 4321, 12345, 99999, 100000, 654321, 999999, 1000000]
    counts += sorted({int(10 ** rng.uniform(0, 6)) for _ in range(60)})
    denominators = [1, 7, 100, 1000, 95000, 123456, 1000000, 25000000, 100000000]
    rows = []
    for o in counts:
        for method in ("auto", "byars", "exact"):
            for zname, zs in (("exact", Z_EXACT), ("rounded", Z_ROUNDED)):
                if method == "exact" and zname == "rounded":
                    continue
                n = rng.choice(denominators)
                mult = rng.choice([1000, 100000])
                lims = [x / n * mult for x in poisson_limits(o, method, zs)]
                rows.append([o, n, mult, method, zname, o / n * mult] + lims)
    write("rates.csv", ["count", "denominator", "multiplier", "method", "z", "value", "lower95", "upper95", "lower998", "upper998"], rows)


# Wilson score proportions -----------------------------------------------------------------------------------
def wilson(r, n, z):
    p = r / n
    centre = 2 * r + z * z
    half = z * math.sqrt(z * z + 4 * r * (1 - p))
    d = 2 * (n + z * z)
    return (centre - half) / d, (centre + half) / d


def proportions(rng):
    rows = []
    for n in [1, 2, 5, 10, 30, 263, 1000, 54321, 1000000, 100000000]:
        for r in sorted({0, 1, n // 3, n // 2, max(n - 1, 0), n, rng.randint(0, n)}):
            for zname, zs in (("exact", Z_EXACT), ("rounded", Z_ROUNDED)):
                l95, u95 = wilson(r, n, zs[0.95])
                l998, u998 = wilson(r, n, zs[0.998])
                rows.append([r, n, zname, 100 * r / n, 100 * l95, 100 * u95, 100 * l998, 100 * u998])
    write("proportions.csv", ["numerator", "denominator", "z", "value", "lower95", "upper95", "lower998", "upper998"], rows)


# Directly standardised rates (Dobson) ------------------------------------------------------------------------
def dsr(rng):
    rows = []
    for case in range(30):
        scale = rng.choice([0.001, 0.01, 0.1, 1, 10])
        pops = [rng.randint(100, 500000) for _ in ESP2013]
        counts = [int(rng.random() * p * 0.01 * scale) for p in pops]
        if case == 0:
            pops, counts = [1000] * 19, [10] * 19
        if case == 1:
            counts = [0] * 19
            counts[5] = 9
        total = sum(counts)
        w = np.array(ESP2013, dtype=float)
        o = np.array(counts, dtype=float)
        n = np.array(pops, dtype=float)
        value = (w * o / n).sum() / w.sum() * 100000
        var = (w ** 2 * o / n ** 2).sum() / w.sum() ** 2 * 100000 ** 2
        if total < 10:
            lims = [None] * 4
            value = None
        else:
            f = math.sqrt(var / total)
            z95, z998 = Z_EXACT[0.95], Z_EXACT[0.998]
            lims = [value + f * (byars_lower(total, z95) - total), value + f * (byars_upper(total, z95) - total),
                    value + f * (byars_lower(total, z998) - total), value + f * (byars_upper(total, z998) - total)]
        rows.append([";".join(map(str, counts)), ";".join(map(str, pops)), value] + lims)
    write("dsr.csv", ["counts", "populations", "value", "lower95", "upper95", "lower998", "upper998"], rows)


# Means with Student t ---------------------------------------------------------------------------------------
def means(rng):
    rows = []
    for n in [2, 3, 5, 10, 30, 100, 1000, 100000]:
        for _ in range(3):
            mean = rng.uniform(-100, 1000)
            sd = rng.uniform(0, 50)
            se = sd / math.sqrt(n)
            t95, t998 = stats.t.ppf(0.975, n - 1), stats.t.ppf(0.999, n - 1)
            rows.append([n, mean, sd, mean - t95 * se, mean + t95 * se, mean - t998 * se, mean + t998 * se])
    write("means.csv", ["count", "mean", "sd", "lower95", "upper95", "lower998", "upper998"], rows)


# Funnel plots -----------------------------------------------------------------------------------------------
# Funnel limits: written by generate_funnels.py (mpmath), both tails around the target.


# Change between two periods ---------------------------------------------------------------------------------
def changes(rng):
    rows = []
    pairs = [(173, 192), (0, 0), (0, 5), (5, 0), (10, 10), (20, 35), (100, 80), (1000, 1100), (12345, 12000),
             (50000, 51000), (999999, 1000000), (3, 12), (1, 1)]
    for _ in range(40):
        a = rng.choice([1, 10, 100, 1000, 100000])
        pairs.append((rng.randint(0, a), rng.randint(0, a)))
    for o1, o2 in pairs:
        for n1, n2 in [(1, 1), (95000, 97000), (1000000, 1250000)]:
            total = o1 + o2
            pi0 = n2 / (n1 + n2)
            p = 1.0 if total == 0 else stats.binomtest(o2, total, pi0).pvalue
            odds = n1 / n2
            if total == 0:
                lo = up = None
            else:
                pl = 0.0 if o2 == 0 else stats.beta.ppf(0.025, o2, total - o2 + 1)
                lo = pl / (1 - pl) * odds
                up = None
                if o2 < total:
                    pu = stats.beta.ppf(0.975, o2 + 1, total - o2)
                    up = pu / (1 - pu) * odds
            rows.append([o1, n1, o2, n2, p, lo, up])
    write("change_rates.csv", ["earlier_count", "earlier_denominator", "later_count", "later_denominator", "p_value", "ratio_lower95", "ratio_upper95"], rows)

    rows = []
    for _ in range(40):
        n1, n2 = rng.choice([10, 100, 1000, 50000]), rng.choice([10, 100, 1000, 50000])
        r1, r2 = rng.randint(0, n1), rng.randint(0, n2)
        rows.append(proportion_change(r1, n1, r2, n2))
    for r1, n1, r2, n2 in [(30, 100, 45, 100), (0, 10, 0, 10), (10, 10, 10, 10), (56, 70, 48, 80), (9, 10, 3, 10)]:
        rows.append(proportion_change(r1, n1, r2, n2))
    write("change_proportions.csv", ["earlier_numerator", "earlier_denominator", "later_numerator", "later_denominator", "p_value", "difference_lower95", "difference_upper95"], rows)


def proportion_change(r1, n1, r2, n2):
    p1, p2 = r1 / n1, r2 / n2
    pooled = (r1 + r2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 1.0 if se == 0 else 2 * stats.norm.sf(abs(p2 - p1) / se)
    l1, u1 = wilson(r1, n1, Z_EXACT[0.95])
    l2, u2 = wilson(r2, n2, Z_EXACT[0.95])
    d = p2 - p1
    return [r1, n1, r2, n2, p, 100 * (d - math.hypot(p2 - l2, u1 - p1)), 100 * (d + math.hypot(u2 - p2, p1 - l1))]


# Recent trends ----------------------------------------------------------------------------------------------
def wls(y, w, x):
    X = np.column_stack([np.ones(len(x)), x])
    W = np.diag(w)
    cov = np.linalg.inv(X.T @ W @ X)
    beta = cov @ X.T @ W @ np.array(y)
    return beta[1], beta[1] ** 2 / cov[1, 1]


def marker(slope, chi, stable, low_is_good=True):
    if not (chi > CHI2_998 and stable and slope != 0):
        return "No significant change"
    if slope > 0:
        return "Increasing and getting worse" if low_is_good else "Increasing and getting better"
    return "Decreasing and getting better" if low_is_good else "Decreasing and getting worse"


def trends(rng):
    rows = []
    for case in range(40):
        base = rng.choice([20, 200, 2000])
        step = rng.choice([-0.2, -0.05, 0, 0.03, 0.1, 0.3]) * base
        pop = rng.choice([10000, 100000, 1000000])
        counts = [max(0, int(base + step * i + rng.gauss(0, math.sqrt(base)))) for i in range(5)]
        if case == 0:
            counts = [100, 110, 120, 130, 140]
            pop = 100000
        values, lowers, uppers = [], [], []
        for o in counts:
            l, u = poisson_limits(o, "auto", Z_EXACT)[:2]
            values.append(o / pop * 100000)
            lowers.append(l / pop * 100000)
            uppers.append(u / pop * 100000)
        se = [(u - l) / (2 * Z_EXACT[0.95]) for l, u in zip(lowers, uppers)]
        w = [1 / s ** 2 for s in se]
        x = np.arange(1, 6, dtype=float)
        slope, chi = wls(values, w, x)
        stable = all(np.sign(wls([v for j, v in enumerate(values) if j != k], [q for j, q in enumerate(w) if j != k],
                                 np.delete(x, k))[0]) == np.sign(slope) for k in range(5))
        rows.append([";".join(map(fmt, values)), ";".join(map(fmt, lowers)), ";".join(map(fmt, uppers)), slope, chi, marker(slope, chi, stable)])
    write("trend_rates.csv", ["values", "lower95", "upper95", "slope", "chi_squared", "marker_low_is_good"], rows)

    rows = []
    for case in range(40):
        n = [rng.choice([50, 500, 5000]) for _ in range(5)]
        p0 = rng.uniform(0.05, 0.9)
        step = rng.choice([-0.05, -0.01, 0, 0.01, 0.04])
        r = [min(ni, max(0, int(ni * (p0 + step * i) + rng.gauss(0, 3)))) for i, ni in enumerate(n)]
        if case == 0:
            r, n = [100, 120, 140, 160, 180], [1000] * 5
        slope, chi = armitage(r, n, range(5))
        stable = all(np.sign(armitage(r, n, [j for j in range(5) if j != k])[0]) == np.sign(slope) for k in range(5))
        rows.append([";".join(map(str, r)), ";".join(map(str, n)), slope, chi, marker(slope, chi, stable, low_is_good=False)])
    write("trend_proportions.csv", ["numerators", "denominators", "slope", "chi_squared", "marker_high_is_good"], rows)


def armitage(r, n, idx):
    # Regression of the proportion on the score with weights n, expressed as the chi-squared test for trend.
    r = np.array([r[i] for i in idx], dtype=float)
    n = np.array([n[i] for i in idx], dtype=float)
    x = np.array([i + 1 for i in idx], dtype=float)
    N, R = n.sum(), r.sum()
    p = R / N
    xbar = (n * x).sum() / N
    sxx = (n * (x - xbar) ** 2).sum()
    b = (x - xbar) @ r / sxx
    return b, b ** 2 * sxx / (p * (1 - p))


# Percentiles ------------------------------------------------------------------------------------------------
def percentiles(rng):
    rows = []
    for n in [1, 2, 3, 4, 5, 7, 10, 33, 150, 317]:
        values = [round(rng.uniform(0, 1000), 3) for _ in range(n)]
        q = np.percentile(values, [0, 5, 25, 50, 75, 95, 100])
        rows.append([";".join(map(fmt, values))] + list(q))
    write("percentiles.csv", ["values", "minimum", "p5", "p25", "median", "p75", "p95", "maximum"], rows)


def main():
    rng = random.Random(20240401)
    rates(rng)
    proportions(rng)
    dsr(rng)
    means(rng)
    changes(rng)
    trends(rng)
    percentiles(rng)


if __name__ == "__main__":
    main()
