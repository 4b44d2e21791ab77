"""A tiny local HTTP server for the behaviour programs (not a program itself).

    from httpserver import serve, start, refused_url

    with serve() as base:          # base == "http://127.0.0.1:<port>"
        requests.get(base + "/json")

    BASE = start()                 # or: one server for the whole process (daemon thread)

Every body is deterministic. Nothing the client sends by default (User-Agent, Accept,
Accept-Encoding, Connection, Host, Date) is echoed: only `X-*` headers, `Authorization` and
`Cookie`, which a program (or a cookie it was sent) sets.

Endpoints (any method; HEAD answers with the headers only):
    /json             JSON: method, path, query args (name -> list of values, in order),
                      selected headers, and the request body as text when there is one
    /echo             JSON: method, the request body as text, its Content-Type (or null),
                      selected headers
    /redirect         302 to /json (keeps the query string); `?code=301|303|307|308`, `?to=/path`
    /chain/<n>        302 to /chain/<n-1>, ..., /chain/0 redirects to /json (n + 1 redirects)
    /cookies/set?a=1  sets the cookies named in the query (Path=/); JSON {"set": {...}}
    /lines            b"first\\nsecond\\r\\nthird\\n\\nlast" as text/plain; charset=utf-8
    /status/<code>    that status, body "status <code>\\n" (no body for 1xx/204/304)
    /slow?delay=1.0   sleeps `delay` seconds (default 1.0), then answers "slow done\\n"
    /bytes?n=10       n bytes: "abcdefghijklmnopqrstuvwxyz0123456789" repeated
    /text             "héllo wörld ✓\\n" as text/plain; charset=utf-8
                      `?charset=latin-1` encodes "héllo wörld\\n" in latin-1 and says so;
                      `?charset=none` sends the utf-8 bytes with a bare `text/plain`
    /close            closes the connection without answering
    /links            200 with a `Link` header (rel next and last) and mixed-case `X-Mixed-Case`,
                      `X-Another` headers; body "links\n"
"""

import contextlib
import http.server
import json
import socket
import threading
import time
import urllib.parse

__all__ = ["serve", "start", "refused_url"]

TEXT = "héllo wörld ✓\n"
LATIN1_TEXT = "héllo wörld\n"
ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789"


def _selected_headers(headers):
    picked = {}
    for name, value in headers.items():
        lower = name.lower()
        if lower.startswith("x-") or lower in ("authorization", "cookie"):
            picked[lower] = value
    return dict(sorted(picked.items()))


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "behaviour-server"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _answer(self, status, body=b"", content_type="text/plain; charset=utf-8", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        no_body = 100 <= status < 200 or status in (204, 304)
        if not no_body:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and not no_body:
            self.wfile.write(body)

    def _json(self, status, payload, headers=()):
        body = json.dumps(payload, sort_keys=True).encode()
        self._answer(status, body, "application/json", headers)

    def _route(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)

        def arg(name, default):
            values = query.get(name)
            return values[0] if values else default

        body = self._read_body()
        path = url.path
        if path == "/json":
            args = {}
            for name, value in urllib.parse.parse_qsl(url.query, keep_blank_values=True):
                args.setdefault(name, []).append(value)
            payload = {
                "method": self.command,
                "path": path,
                "args": args,
                "headers": _selected_headers(self.headers),
            }
            if body:
                payload["body"] = body.decode("utf-8", "replace")
            self._json(200, payload)
        elif path == "/echo":
            self._json(
                200,
                {
                    "method": self.command,
                    "body": body.decode("utf-8", "replace"),
                    "content_type": self.headers.get("Content-Type"),
                    "headers": _selected_headers(self.headers),
                },
            )
        elif path == "/redirect":
            code = int(arg("code", "302"))
            target = arg("to", "/json")
            rest = [(k, v) for k, v in urllib.parse.parse_qsl(url.query) if k not in ("code", "to")]
            if rest:
                target += "?" + urllib.parse.urlencode(rest)
            self._answer(code, b"redirecting\n", headers=[("Location", target)])
        elif path.startswith("/chain/"):
            n = int(path.removeprefix("/chain/"))
            target = f"/chain/{n - 1}" if n > 0 else "/json"
            self._answer(302, b"redirecting\n", headers=[("Location", target)])
        elif path == "/cookies/set":
            pairs = urllib.parse.parse_qsl(url.query)
            cookies = [("Set-Cookie", f"{name}={value}; Path=/") for name, value in pairs]
            self._json(200, {"set": dict(pairs)}, headers=cookies)
        elif path == "/lines":
            self._answer(200, b"first\nsecond\r\nthird\n\nlast")
        elif path.startswith("/status/"):
            code = int(path.removeprefix("/status/"))
            self._answer(code, f"status {code}\n".encode())
        elif path == "/slow":
            time.sleep(float(arg("delay", "1.0")))
            self._answer(200, b"slow done\n")
        elif path == "/bytes":
            n = int(arg("n", "10"))
            data = (ALPHABET * (n // len(ALPHABET) + 1))[:n]
            self._answer(200, data, "application/octet-stream")
        elif path == "/text":
            charset = arg("charset", "utf-8")
            if charset == "latin-1":
                self._answer(200, LATIN1_TEXT.encode("latin-1"), "text/plain; charset=latin-1")
            elif charset == "none":
                self._answer(200, TEXT.encode("utf-8"), "text/plain")
            else:
                self._answer(200, TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/links":
            links = '<http://example.com/page/2>; rel="next", <http://example.com/page/9>; rel="last"'
            headers = [("Link", links), ("X-Mixed-Case", "1"), ("X-Another", "2")]
            self._answer(200, b"links\n", headers=headers)
        elif path == "/close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self._answer(404, b"no such endpoint\n")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _route


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up (a timeout) leaves a broken pipe behind: not worth a traceback.
        pass


def start():
    """Starts a server in a daemon thread for the rest of the process; returns its base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, name="httpserver", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@contextlib.contextmanager
def serve():
    """`with serve() as base:` runs a server for the block; `base` is its URL without a slash."""
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, name="httpserver", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


_held = []


def refused_url(path="/json"):
    """A URL on 127.0.0.1 where connecting is refused at once.

    The port is bound (so nobody else takes it) but never listens, so the kernel answers a
    connection attempt with a reset for as long as the process lives.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    _held.append(sock)
    return f"http://127.0.0.1:{sock.getsockname()[1]}{path}"
