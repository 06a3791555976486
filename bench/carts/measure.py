"""One measurement of the cart benchmark, printed as one line of JSON.

  python3 measure.py dropcart BASE_URL UID SET_DIR   POSTs a pre-bundled cart of every file of
      SET_DIR (ids = set/file name as the archive serves them, sha256 hashes checked), polls HEAD
      every 20 ms and reports the milliseconds spent staging (POST to status bundling) and
      bundling (bundling to ready), and the tar's size; then deletes the cart.
  python3 measure.py staged-tar BASE_URL UID SET_DIR OUT
                                                      the same cart without bundling (Dropcart
      keeps its staged files), then, as soon as it is ready, GNU tar -cf OUT of its staged files
      and an fsync of OUT: tar on the very files, in the state, Dropcart's bundling starts from.
  python3 measure.py tar SET_DIR OUT                  GNU tar -cf OUT of the source files, then an
      fsync of OUT (Dropcart forces its tar to disk before it says ready); reports the milliseconds.
"""
import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.request


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def request(method, url, body=None):
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as r:
            r.read()
            return r.status, r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.headers


POLL = 0.02  # a HEAD every 20 ms: fine enough for seconds, without loading the 2 cores it measures


def post_cart(base, uid, set_dir, bundle):
    names = sorted(os.listdir(set_dir))
    prefix = os.path.basename(os.path.abspath(set_dir))
    fileids = [{"id": prefix + "/" + n, "path": n, "hashtype": "sha256", "hashsum": sha256(os.path.join(set_dir, n))} for n in names]
    url = base.rstrip("/") + "/api/carts/" + uid
    body = json.dumps({"fileids": fileids, "bundle": bundle}).encode()
    start = time.monotonic()
    status, _ = request("POST", url, body)
    if status != 201:
        raise SystemExit(f"POST {url}: {status}")
    bundling = None
    while True:
        status, headers = request("HEAD", url)
        now = time.monotonic()
        state = headers.get("X-Pacifica-Status")
        if state == "error" or status >= 500:
            raise SystemExit(f"cart {uid} failed: {headers.get('X-Pacifica-Message')}")
        if state in ("bundling", "ready") and bundling is None:
            bundling = now
        if state == "ready":
            ready = now
            break
        if now - start > 1800:
            raise SystemExit(f"cart {uid} not ready after 30 min")
        time.sleep(POLL)
    return url, names, start, bundling, ready


def dropcart(base, uid, set_dir):
    url, names, start, bundling, ready = post_cart(base, uid, set_dir, True)
    size = 0
    for root, _, files in os.walk(os.environ["CART_VOLUME"]):
        for f in files:
            if f.endswith(".tar"):
                size = max(size, os.path.getsize(os.path.join(root, f)))
    request("DELETE", url)
    print(json.dumps({"staging_ms": round((bundling - start) * 1000), "bundling_ms": round((ready - bundling) * 1000),
                      "total_ms": round((ready - start) * 1000), "tar_bytes": size, "files": len(names)}))


def staged_tar(base, uid, set_dir, out):
    url, names, _, _, _ = post_cart(base, uid, set_dir, False)
    staged = [os.path.join(root, d) for root, dirs, _ in os.walk(os.environ["CART_VOLUME"]) for d in dirs if d == "staged"]
    if len(staged) != 1:
        raise SystemExit(f"expected one staged directory under {os.environ['CART_VOLUME']}, found {staged}")
    gnu_tar(staged[0], out)
    request("DELETE", url)


def gnu_tar(set_dir, out):
    parent, name = os.path.split(os.path.abspath(set_dir))
    start = time.monotonic()
    subprocess.run(["tar", "-cf", out, "-C", parent, name], check=True)
    fd = os.open(out, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    elapsed = time.monotonic() - start
    size = os.path.getsize(out)
    os.remove(out)
    print(json.dumps({"bundling_ms": round(elapsed * 1000), "tar_bytes": size}))


if sys.argv[1] == "dropcart":
    dropcart(sys.argv[2], sys.argv[3], sys.argv[4])
elif sys.argv[1] == "staged-tar":
    staged_tar(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
else:
    gnu_tar(sys.argv[2], sys.argv[3])
