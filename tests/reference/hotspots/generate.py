#!/usr/bin/python3
"""Independent reference values for CommunitySafety.Hotspots (kernel density, Getis-Ord Gi*, FDR).

Run with Debian's Python, NumPy and SciPy (python3-numpy, python3-scipy), from the repository root:

    /usr/bin/python3 tests/reference/hotspots/generate.py

Writes CSV files beside this script; tests/CommunitySafety.Hotspots.Tests/ReferenceTests.cs reads them.
Everything is written from the published definitions, vectorised with NumPy, independently of the C# code:
- projection: Ordnance Survey, "A guide to coordinate systems in Great Britain", Helmert (section 6.6),
  annex B (Cartesian) and annex C (transverse Mercator);
- grid: square cells aligned to multiples of the cell size, covering the points' bounding box;
- KDE: dense distance matrix; quartic 3/(pi h^2)(1-d^2/h^2)^2 for d<h; Gaussian with sigma = h/4, no cut-off;
  per km^2; bandwidth = mean over x and y of MASS::bandwidth.nrd = 4*1.06*min(sd, IQR/1.34)*n^(-1/5);
- Gi*: neighbour sums by 2-D convolution with a 3x3 block of ones (queen contiguity plus the cell),
  z = (sum_w x - mean*W) / (S*sqrt((n*W - W^2)/(n-1))), two-sided normal p (scipy.stats.norm.sf);
- FDR: Benjamini-Hochberg step-up, computed with cumulative minima.
"""
import csv
import os

import numpy as np
from scipy import signal, stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "hotspots", "2024-01-hampshire-street-portsmouth.csv")

# --- projection (OS guide) -------------------------------------------------------------------------
AIRY = (6377563.396, 6356256.909)
GRS80 = (6378137.000, 6356752.3141)
ARCSEC = np.pi / (180 * 3600)
HELMERT = dict(tx=-446.448, ty=125.157, tz=-542.060, s=20.4894e-6,
               rx=-0.1502 * ARCSEC, ry=-0.2470 * ARCSEC, rz=-0.8421 * ARCSEC)
F0, PHI0, LAM0, E0, N0 = 0.9996012717, np.radians(49.0), np.radians(-2.0), 400000.0, -100000.0


def to_cartesian(lat, lon, ell):
    a, b = ell
    e2 = (a * a - b * b) / (a * a)
    nu = a / np.sqrt(1 - e2 * np.sin(lat) ** 2)
    return nu * np.cos(lat) * np.cos(lon), nu * np.cos(lat) * np.sin(lon), (1 - e2) * nu * np.sin(lat)


def from_cartesian(x, y, z, ell):
    a, b = ell
    e2 = (a * a - b * b) / (a * a)
    p = np.hypot(x, y)
    lat = np.arctan2(z, p * (1 - e2))
    for _ in range(12):
        nu = a / np.sqrt(1 - e2 * np.sin(lat) ** 2)
        lat = np.arctan2(z + e2 * nu * np.sin(lat), p)
    return lat, np.arctan2(y, x)


def helmert(x, y, z, h):
    rot = np.array([[1 + h["s"], -h["rz"], h["ry"]],
                    [h["rz"], 1 + h["s"], -h["rx"]],
                    [-h["ry"], h["rx"], 1 + h["s"]]])
    v = rot @ np.vstack([x, y, z])
    return v[0] + h["tx"], v[1] + h["ty"], v[2] + h["tz"]


def transverse_mercator(lat, lon):
    a, b = AIRY
    e2 = (a * a - b * b) / (a * a)
    n = (a - b) / (a + b)
    nu = a * F0 / np.sqrt(1 - e2 * np.sin(lat) ** 2)
    rho = a * F0 * (1 - e2) * (1 - e2 * np.sin(lat) ** 2) ** -1.5
    eta2 = nu / rho - 1
    dp, sp = lat - PHI0, lat + PHI0
    m = b * F0 * ((1 + n + 5 / 4 * n ** 2 + 5 / 4 * n ** 3) * dp
                  - (3 * n + 3 * n ** 2 + 21 / 8 * n ** 3) * np.sin(dp) * np.cos(sp)
                  + (15 / 8 * n ** 2 + 15 / 8 * n ** 3) * np.sin(2 * dp) * np.cos(2 * sp)
                  - 35 / 24 * n ** 3 * np.sin(3 * dp) * np.cos(3 * sp))
    s, c, t = np.sin(lat), np.cos(lat), np.tan(lat)
    I = m + N0
    II = nu / 2 * s * c
    III = nu / 24 * s * c ** 3 * (5 - t ** 2 + 9 * eta2)
    IIIA = nu / 720 * s * c ** 5 * (61 - 58 * t ** 2 + t ** 4)
    IV = nu * c
    V = nu / 6 * c ** 3 * (nu / rho - t ** 2)
    VI = nu / 120 * c ** 5 * (5 - 18 * t ** 2 + t ** 4 + 14 * eta2 - 58 * t ** 2 * eta2)
    dl = lon - LAM0
    return E0 + IV * dl + V * dl ** 3 + VI * dl ** 5, I + II * dl ** 2 + III * dl ** 4 + IIIA * dl ** 6


def wgs84_to_bng(lon_deg, lat_deg):
    x, y, z = to_cartesian(np.radians(lat_deg), np.radians(lon_deg), GRS80)
    lat, lon = from_cartesian(*helmert(x, y, z, HELMERT), AIRY)
    return transverse_mercator(lat, lon)


# --- grid, KDE, Gi*, FDR ---------------------------------------------------------------------------
def square_grid(e, n, size):
    x0, y0 = np.floor(e.min() / size) * size, np.floor(n.min() / size) * size
    cols = int(np.floor((e.max() - x0) / size)) + 1
    rows = int(np.floor((n.max() - y0) / size)) + 1
    return x0, y0, cols, rows


def counts_on(e, n, x0, y0, size, cols, rows):
    c = np.floor((e - x0) / size).astype(int)
    r = np.floor((n - y0) / size).astype(int)
    grid = np.zeros((rows, cols))
    np.add.at(grid, (r, c), 1)
    return grid


def nrd(v):
    q75, q25 = np.percentile(v, [75, 25])
    return 4 * 1.06 * min(np.std(v, ddof=1), (q75 - q25) / 1.34) * len(v) ** -0.2


def kde(ce, cn, e, n, h, kernel):
    d2 = (ce[:, None] - e[None, :]) ** 2 + (cn[:, None] - n[None, :]) ** 2
    if kernel == "quartic":
        k = np.where(d2 < h * h, 3 / (np.pi * h * h) * (1 - d2 / (h * h)) ** 2, 0.0)
    else:
        sigma = h / 4
        k = np.exp(-d2 / (2 * sigma ** 2)) / (2 * np.pi * sigma ** 2)
    return k.sum(axis=1) * 1e6


def gistar(x):
    n = x.size
    xbar = x.mean()
    s = np.sqrt((x ** 2).mean() - xbar ** 2)
    block = np.ones((3, 3))
    local = signal.convolve2d(x, block, mode="same", boundary="fill")
    w = signal.convolve2d(np.ones_like(x), block, mode="same", boundary="fill")
    z = (local - xbar * w) / (s * np.sqrt((n * w - w ** 2) / (n - 1)))
    p = 2 * stats.norm.sf(np.abs(z))
    return z, p


def bh(p):
    flat = p.ravel()
    m = flat.size
    order = np.argsort(flat)
    scaled = flat[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum(1, np.minimum.accumulate(scaled[::-1])[::-1])
    out = np.empty(m)
    out[order] = adjusted_sorted
    return out.reshape(p.shape)


def cells_table(path, e, n, size, bandwidth):
    x0, y0, cols, rows = square_grid(e, n, size)
    counts = counts_on(e, n, x0, y0, size, cols, rows)
    rr, cc = np.mgrid[0:rows, 0:cols]
    ce = (x0 + (cc + 0.5) * size).ravel()
    cn = (y0 + (rr + 0.5) * size).ravel()
    kq = kde(ce, cn, e, n, bandwidth, "quartic")
    kg = kde(ce, cn, e, n, bandwidth, "gaussian")
    z, p = gistar(counts)
    padj = bh(p)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["column", "row", "count", "kde_quartic", "kde_gaussian", "gistar_z", "p_value", "p_adjusted"])
        for i, (r, c) in enumerate(zip(rr.ravel(), cc.ravel())):
            w.writerow([c, r, int(counts[r, c]), repr(kq[i]), repr(kg[i]), repr(z[r, c]), repr(p[r, c]), repr(padj[r, c])])
    return cols, rows


def main():
    summary = []

    # 1. A small constructed grid: 6 x 4 cells of 100 m, a cluster in the south-west and scattered points.
    rng = np.random.default_rng(8)
    cluster = rng.normal([150, 120], 40, size=(30, 2))
    scatter = rng.uniform([0, 0], [600, 400], size=(20, 2))
    pts = np.clip(np.vstack([cluster, scatter]), [0.5, 0.5], [599.5, 399.5])
    pts = np.vstack([pts, [[0.0, 0.0], [599.0, 399.0]]])  # fixes the bounding box at (0,0)-(599,399)
    with open(os.path.join(HERE, "constructed_points.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["easting", "northing"])
        for e, n in pts:
            w.writerow([repr(float(e)), repr(float(n))])
    cells_table(os.path.join(HERE, "constructed_cells.csv"), pts[:, 0], pts[:, 1], 100.0, 150.0)
    summary.append(("constructed_bandwidth_nrd", (nrd(pts[:, 0]) + nrd(pts[:, 1])) / 2))

    # 2. A real sample: Portsmouth, January 2024, projected here; 250 m cells, rule-of-thumb bandwidth.
    lon, lat = [], []
    with open(FIXTURE, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Longitude"] and row["Latitude"]:
                lon.append(float(row["Longitude"]))
                lat.append(float(row["Latitude"]))
    e, n = wgs84_to_bng(np.array(lon), np.array(lat))
    with open(os.path.join(HERE, "portsmouth_points.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["longitude", "latitude", "easting", "northing"])
        for row in zip(lon, lat, e, n):
            w.writerow([repr(float(v)) for v in row])
    h = (nrd(e) + nrd(n)) / 2
    summary.append(("portsmouth_bandwidth_nrd", h))
    cols, rows = cells_table(os.path.join(HERE, "portsmouth_cells.csv"), e, n, 250.0, h)
    summary.append(("portsmouth_columns", cols))
    summary.append(("portsmouth_rows", rows))

    # 3. The OS guide's worked example (annex C): OSGB36 52 39 27.2531 N, 1 43 4.5177 E.
    lat_c = np.radians(52 + 39 / 60 + 27.2531 / 3600)
    lon_c = np.radians(1 + 43 / 60 + 4.5177 / 3600)
    ex, nx = transverse_mercator(np.array([lat_c]), np.array([lon_c]))
    summary.append(("os_worked_example_easting", ex[0]))
    summary.append(("os_worked_example_northing", nx[0]))

    # 4. Benjamini-Hochberg on a fixed list.
    fixed = np.array([0.01, 0.04, 0.03, 0.20, 0.001, 0.5, 0.049, 0.012])
    for i, v in enumerate(bh(fixed)):
        summary.append((f"bh_{i}", v))

    with open(os.path.join(HERE, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "value"])
        for k, v in summary:
            w.writerow([k, repr(float(v))])


if __name__ == "__main__":
    main()
