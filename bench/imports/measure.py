"""One measurement of the import benchmark, printed as one line of JSON.

  python3 measure.py dropcart BASE_URL TOKEN POOL URL   imports URL into POOL with unarchive, polls
      the import every 20 ms and reports the milliseconds to done, split at the first poll that
      sees it unpacking, and the number of files stored.
  python3 measure.py curl URL DIR                        curl -s URL | tar -xz -C DIR, then sync;
      reports the milliseconds and the files extracted.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request


def call(method, url, token, body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Bearer " + token)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")


def dropcart(base, token, pool, url):
    api = base.rstrip("/") + "/api/imports"
    start = time.monotonic()
    imp = call("POST", api, token, {"url": url, "pool": pool, "unarchive": True})
    unpacking = None
    while True:
        view = call("GET", api + "/" + imp["id"], token)
        now = time.monotonic()
        if view["status"] == "unpacking" and unpacking is None:
            unpacking = now
        if view["status"] == "done":
            break
        if view["status"] in ("failed", "cancelled"):
            raise SystemExit(f"import failed: {view.get('reason')}")
        if now - start > 3600:
            raise SystemExit("import not done after an hour")
        time.sleep(0.02)
    if view.get("fromCache"):
        raise SystemExit("the import came from the cache; the benchmark must download")
    print(json.dumps({"total_ms": round((now - start) * 1000),
                      "download_ms": round(((unpacking or now) - start) * 1000),
                      "files": view["filesStored"], "bytes": view["bytes"]}))


def curl_tar(url, target):
    os.makedirs(target)
    start = time.monotonic()
    subprocess.run(f"curl -sSf '{url}' | tar -xz -C '{target}'", shell=True, check=True)
    subprocess.run(["sync"], check=True)
    elapsed = time.monotonic() - start
    files = sum(len(f) for _, _, f in os.walk(target))
    subprocess.run(["rm", "-rf", target], check=True)
    print(json.dumps({"total_ms": round(elapsed * 1000), "files": files}))


if sys.argv[1] == "dropcart":
    dropcart(*sys.argv[2:6])
else:
    curl_tar(sys.argv[2], sys.argv[3])
