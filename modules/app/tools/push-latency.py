#!/usr/bin/env python3
"""Push-to-stream latency of `wirewatch run`: from an HTTP push to its incident on `curl -N .../v1/stream`.

Starts `run` on a fresh data directory (ports 8080, 8081 and 9092 must be free), waits for its "Wirewatch is running
(started in N s)" line, opens `curl -N localhost:8080/v1/stream?types=incident`, then pushes development-corpus
reports one by one to POST /v1/reports, each with a fresh uri, and times each from the request until a line of the
stream carries its uri. The first push after start is the cold one; the rest are warm. Stops `run` with SIGTERM.

    python3 modules/app/tools/push-latency.py --runs 3 --warm 10            # from the repository root
    python3 modules/app/tools/push-latency.py --command "./wirewatch"      # the default

Prints one line per push and a JSON summary per run.
"""
import argparse
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
TOKEN = 'push-latency-token-0123456789'


def stamp():
    now = time.time()
    return time.strftime('%H:%M:%S', time.gmtime(now)) + '.%03d' % (int(now * 1000) % 1000)


def one_run(args, run, reports):
    work = tempfile.mkdtemp(prefix='push-latency-')
    env = dict(os.environ, WIREWATCH_DATA_DIR=work + '/data', WIREWATCH_INGEST_INBOX_DIR=work + '/inbox',
               WIREWATCH_INGEST_HTTP_TOKEN=TOKEN)
    log_path = work + '/run.log'
    with open(log_path, 'w') as log:
        proc = subprocess.Popen(args.command.split() + ['run'], cwd=args.root, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        started = time.time()
        while True:
            text = open(log_path, errors='replace').read()
            line = next((l for l in text.splitlines() if 'Wirewatch is running' in l), None)
            if line:
                break
            if proc.poll() is not None or time.time() - started > args.start_timeout:
                sys.exit('run did not start; its log:\n' + text[-4000:])
            time.sleep(0.05)
        print('[%s] run %d: %s' % (stamp(), run, line))
        lines, cond = [], threading.Condition()
        curl = subprocess.Popen(['curl', '-sN', 'localhost:%d/v1/stream?types=incident' % args.port],
                                stdout=subprocess.PIPE, text=True)

        def read():
            for l in curl.stdout:
                with cond:
                    lines.append((time.time(), l))
                    cond.notify_all()
        threading.Thread(target=read, daemon=True).start()
        with cond:
            if not cond.wait_for(lambda: any(l.startswith('event: hello') for _, l in lines), timeout=10):
                sys.exit('no hello event on the stream')
        results = []
        for i in range(args.warm + 1):
            path = reports[i % len(reports)]
            report = json.load(open(path))
            uri = 'urn:push-latency:%d:%d:%d' % (os.getpid(), run, i)
            report['uri'] = uri
            request = urllib.request.Request('http://localhost:%d/v1/reports' % args.port,
                                             data=json.dumps(report).encode(),
                                             headers={'Content-Type': 'application/json',
                                                      'Authorization': 'Bearer ' + TOKEN})
            at = stamp()
            sent = time.time()
            urllib.request.urlopen(request).read()
            accepted = time.time() - sent
            with cond:
                seen = cond.wait_for(lambda: any(uri in l for _, l in lines), timeout=20)
                latency = min(t for t, l in lines if uri in l) - sent if seen else None
            kind = 'cold' if i == 0 else 'warm'
            print('[%s] run %d %s push %2d %-40s 202 after %.3f s, on the stream after %s' % (
                at, run, kind, i, os.path.basename(path), accepted, 'never' if latency is None else '%.3f s' % latency))
            results.append({'kind': kind, 'seconds': latency})
            time.sleep(args.pause)
        curl.kill()
        print(json.dumps({'run': run, 'results': results}))
        return results
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--runs', type=int, default=1, help='fresh starts (one cold push each)')
    p.add_argument('--warm', type=int, default=10, help='warm pushes after the cold one, per run')
    p.add_argument('--pause', type=float, default=1.0, help='seconds between pushes')
    p.add_argument('--command', default='./wirewatch', help='how to start wirewatch (run from --root)')
    p.add_argument('--root', default=ROOT, help='repository root')
    p.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'corpus', 'dev'),
                   help='folder of ninjs reports (*.json, gold files skipped)')
    p.add_argument('--port', type=int, default=8080)
    p.add_argument('--start-timeout', type=float, default=900)
    args = p.parse_args()
    reports = sorted(f for f in glob.glob(os.path.join(args.corpus, '*.json')) if not f.endswith('.gold.json'))
    if not reports:
        sys.exit('no reports in ' + args.corpus)
    cold, warm = [], []
    for run in range(1, args.runs + 1):
        for r in one_run(args, run, reports):
            (cold if r['kind'] == 'cold' else warm).append(r['seconds'])
    fmt = lambda xs: ', '.join('never' if x is None else '%.2f' % x for x in xs)
    print('cold: %s s' % fmt(cold))
    print('warm: %s s' % fmt(warm))


if __name__ == '__main__':
    main()
