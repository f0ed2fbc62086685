#!/usr/bin/env python3
"""Figures for issue #20 (points 1-3), on loopback only, every loop bounded.

    tests/bench/robust.py <path to briques binary>

Starts the binary on 127.0.0.1 with fake assets and a fresh data directory, then prints:
1. half-open connections: how many of 1,100 (from one address, then from 22) the server
   still holds after 2 s and 12 s, whether a client from another loopback address
   (127.0.1.1) is served meanwhile, and how fast;
2. sessions created from one address in at most 15 s with 64 KiB surveys, and RSS growth;
3. RSS growth after 200 answers with distinct 292 KiB fake participant tokens.
Nothing here is a test: it prints figures (never asserted)."""

import atexit, json, os, resource, socket, subprocess, sys, tempfile, time, urllib.request, urllib.error

CHILDREN = []

def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def request(base, method, path, body=None, headers=None, source="127.0.0.1", timeout=10):
    host, port = base.split("//")[1].split(":")
    s = socket.create_connection((host, int(port)), timeout=timeout, source_address=(source, 0))
    data = body.encode() if isinstance(body, str) else (body or b"")
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    for k, v in (headers or {}).items():
        head += f"{k}: {v}\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    s.sendall(head.encode() + b"\r\n" + data)
    reply = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        reply += chunk
    s.close()
    status = int(reply.split(b" ", 2)[1]) if reply else 0
    return status, reply.split(b"\r\n\r\n", 1)[-1]

def start(binary, extra=()):
    assets = tempfile.mkdtemp()
    with open(os.path.join(assets, "index.html"), "w") as f:
        f.write("<!doctype html><title>Briques</title>")
    data = tempfile.mkdtemp()
    # The open-files limit of many systems (1,024), as in the issue; the hard limit stays.
    files = lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    p = subprocess.Popen([binary, "serve", "--addr", "127.0.0.1:0", "--assets", assets, "--data", data, *extra],
                         stdout=subprocess.PIPE, text=True, preexec_fn=files)
    CHILDREN.append(p)
    line = p.stdout.readline()
    base = next(w for w in line.split() if w.startswith("http://")).rstrip("/")
    return p, base

def survey(size):
    questions = []
    n = 0
    while n == 0 or (len(json.dumps(questions)) < size - 2000 and n < 30):
        questions.append({"id": f"q{n}", "label": "é" * 190, "role": "quasi-identifier",
                          "choices": [{"id": f"c{i}", "label": "x" * 190, "colour": "blue"} for i in range(8)]})
        n += 1
    return {"survey": {"title": "Test", "questions": questions}}

def half_open(binary, addresses=1):
    p, base = start(binary)
    port = int(base.rsplit(":", 1)[1])
    held = []
    t0 = time.time()
    for i in range(1100):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2,
                                         source_address=(f"127.0.0.{1 + i % addresses}", 0))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            held.append(s)
        except OSError:
            break
    opened = time.time() - t0
    time.sleep(2)
    open_now = still_open(held)
    t0 = time.time()
    try:
        status, _ = request(base, "GET", "/", source="127.0.1.1", timeout=10)
    except OSError as e:
        status = f"failed ({e.__class__.__name__})"
    served = time.time() - t0
    time.sleep(10)
    later = still_open(held)
    print(f"1. from {addresses} address(es): opened {len(held)} half-open connections in {opened:.2f} s; the server held {open_now} after 2 s, "
          f"{later} after 12 s (+ 10 s for the second client at most); "
          f"a client from 127.0.1.1 got {status} in {served*1000:.0f} ms")
    for s in held:
        s.close()
    p.kill()
    p.wait()

def still_open(held):
    open_now = 0
    for s in held:
        s.setblocking(False)
        try:
            data = s.recv(4096, socket.MSG_PEEK)
            open_now += 0 if data == b"" or data.startswith(b"HTTP/1.1 4") or data.startswith(b"HTTP/1.1 5") else 1
        except BlockingIOError:
            open_now += 1
        except OSError:
            pass
    return open_now

def sessions(binary, extra=()):
    p, base = start(binary, extra)
    body = json.dumps(survey(64 * 1024))
    before = rss_mib(p.pid)
    t0, made, statuses = time.time(), 0, {}
    while time.time() - t0 < 15 and sum(statuses.values()) < 100000:
        status, _ = request(base, "POST", "/api/live/sessions", body)
        statuses[status] = statuses.get(status, 0) + 1
        made += status == 201
        if status == 429:
            time.sleep(0.05)  # the permitted rate
    print(f"2. {' '.join(extra) or 'default settings'}: {len(body)//1024} KiB surveys for 15 s from one address: {made} sessions, statuses {statuses}; "
          f"RSS {before:.0f} -> {rss_mib(p.pid):.0f} MiB")
    p.kill()

def fake_tokens(binary):
    p, base = start(binary)
    status, reply = request(base, "POST", "/api/live/sessions", json.dumps(survey(2000)))
    code = json.loads(reply)["code"]
    before = rss_mib(p.pid)
    statuses = {}
    for i in range(200):
        token = f"{i:08d}" + "a" * (292 * 1024)
        status, _ = request(base, "PUT", f"/api/live/sessions/{code}/answer",
                            json.dumps({"question": "q0", "choice": "c0"}), {"X-Briques-Participant": token})
        statuses[status] = statuses.get(status, 0) + 1
        if status == 429:
            time.sleep(0.05)
    print(f"3. 200 answers with distinct 292 KiB fake tokens: statuses {statuses}; "
          f"RSS {before:.0f} -> {rss_mib(p.pid):.0f} MiB")
    p.kill()

if __name__ == "__main__":
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    binary = sys.argv[1]
    atexit.register(lambda: [c.kill() for c in CHILDREN])
    lifted = lambda b: sessions(b, ("--sessions-per-hour", "1000000", "--max-sessions", "1000000"))
    new = "--max-sessions" in subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    spread = lambda b: half_open(b, 22)
    for run in (half_open, spread, sessions, *([lifted] if new else []), fake_tokens):
        try:
            run(binary)
        except Exception as e:  # a figure missing says why, the others still print
            print(f"{run.__name__}: {e!r}")
