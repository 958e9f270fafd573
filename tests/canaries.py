"""Canaries for the query guard's tests: a loopback HTTP listener and a file that count every access."""

from __future__ import annotations

import errno
import http.server
import os
import threading
import time


class HttpCanary:
    def __init__(self):
        self.hits = 0
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                canary.hits += 1
                body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/canary"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class FileCanary:
    """A FIFO: any process that opens it for reading is noticed (and fed one triple, so it never blocks)."""

    def __init__(self, path):
        self.path = path
        self.reads = 0
        os.mkfifo(path)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                if e.errno != errno.ENXIO:  # ENXIO: nobody has it open for reading
                    raise
                time.sleep(0.01)
                continue
            self.reads += 1
            try:
                os.set_blocking(fd, True)
                os.write(fd, b"<http://canary.example/s> <http://canary.example/p> <http://canary.example/o> .\n")
            except OSError:  # the reader went away
                pass
            finally:
                os.close(fd)
            time.sleep(0.05)

    def close(self):
        self._stop.set()
        self.thread.join(2)
