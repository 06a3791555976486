#!/usr/bin/env python3
"""Function-call benchmark client (bench/faas.sh). Standard library only.

  client.py setup BASE ADMIN_PASSWORD          -> prints the admin token after registering the
                                                  runtime `bench-py` and the function `trivial`
  client.py calls BASE TOKEN N CONCURRENCY     -> N sync invocations by CONCURRENCY threads;
                                                  prints one JSON line (p50/p99 ms, calls/s)
  client.py peer DIR N CONCURRENCY             -> the same work without Dropcart: `python3 test.py`
                                                  forked directly with the params on stdin
"""
import io, json, os, subprocess, sys, tarfile, threading, time, urllib.request

TEST_PY = "import json, sys\nprint(json.dumps(json.load(sys.stdin)), end='')\n"
DEPS = "pip3 install --no-index --quiet --target deps -r requirements.txt"


def request(method, url, token=None, body=None, ctype="application/json"):
    req = urllib.request.Request(url, data=body, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if body is not None:
        req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.status, r.read()


def archive():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, text in (("test.py", TEST_PY), ("requirements.txt", "")):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def setup(base, password):
    _, body = request("PUT", base + "api/auth/login/admin", body=json.dumps({"password": password}).encode())
    token = json.loads(body)["access_token"]
    runtime = {"name": "bench-py", "dependencies": DEPS, "run": "python3 test.py"}
    request("POST", base + "api/faas/registerRuntime", token, json.dumps(runtime).encode())
    boundary = "benchboundary"
    form = (b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"module\"; filename=\"t.tar.gz\""
            b"\r\nContent-Type: application/octet-stream\r\n\r\n" + archive() + b"\r\n--" + boundary.encode() + b"--\r\n")
    request("POST", base + "api/faas/registerFunction/bench-py/trivial", token, form,
            "multipart/form-data; boundary=" + boundary)
    print(token)


def run_parallel(n, concurrency, one):
    latencies, failures, lock, counter = [], [0], threading.Lock(), [0]

    def worker():
        while True:
            with lock:
                if counter[0] >= n:
                    return
                counter[0] += 1
                i = counter[0]
            t0 = time.perf_counter()
            ok = one(i)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(ms)
                if not ok:
                    failures[0] += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    return {"calls": n, "concurrency": concurrency, "failed": failures[0], "p50_ms": round(pick(0.50), 1),
            "p99_ms": round(pick(0.99), 1), "per_s": round(n / took, 1)}


def calls(base, token, n, concurrency):
    def one(i):
        body = json.dumps({"funcName": "trivial", "params": {"i": i}}).encode()
        status, reply = request("POST", base + "api/faas/invokeFunction?sync=true", token, body)
        call = json.loads(reply)
        return status == 200 and call["status"] == "DONE" and json.loads(call["result"])["i"] == i

    print(json.dumps(run_parallel(n, concurrency, one)))


def peer(directory, n, concurrency):
    with open(os.path.join(directory, "test.py"), "w") as f:
        f.write(TEST_PY)

    def one(i):
        p = subprocess.run(["python3", "test.py"], cwd=directory, input=json.dumps({"i": i}).encode(),
                           capture_output=True, env={"PATH": "/usr/local/bin:/usr/bin:/bin"})
        return p.returncode == 0 and json.loads(p.stdout)["i"] == i

    print(json.dumps(run_parallel(n, concurrency, one)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(sys.argv[2], sys.argv[3])
    elif cmd == "calls":
        calls(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "peer":
        peer(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
