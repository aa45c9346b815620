#!/usr/bin/env python3
"""Helpers of tests/test-warc.sh. Standard library only.

    warc_tools.py serve DIR PORTFILE     serve DIR on 127.0.0.1 over HTTP/1.1
    warc_tools.py pack [--no-uri] OUT FILE...
                                         a WARC of the pages (.html or .html.gz)
    warc_tools.py read LIBRARY WARC      the page records, through pith_warc_*,
                                         as JSON Lines {"uri","status","body"}

serve: pages whose name starts with "gz-" are sent gzip-encoded when the
client accepts gzip, pages starting with "chunked-" in chunked transfer
coding (three chunks), the others with a Content-Length; the port is
written to PORTFILE once the server listens. It stops after 60 s or when
GET /quit is asked.

pack: one gzip member per record (as Common Crawl and wget write them); a
warcinfo record first, then a request and a response record per page, the
response for http://pages.test/NAME with the page's bytes and Content-Type
text/html (no charset: the page says). OUT ending in .warc writes plain.
With --no-uri the records have no WARC-Target-URI (pages without a URL, as
page files are: for bench-warc.sh).
"""
import base64
import ctypes
import gzip
import http.server
import io
import json
import os
import sys
import threading
import uuid


def serve(root, portfile):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            name = self.path.lstrip("/") or "index.html"
            if name == "quit":
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()
                threading.Thread(target=self.server.shutdown).start()
                return
            path = os.path.join(root, name)
            if "/" in name or not os.path.isfile(path):
                self.send_error(404)
                return
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            accepts = self.headers.get("Accept-Encoding", "")
            if name.startswith("gz-") and "gzip" in accepts:
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            if name.startswith("chunked-"):
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                third = len(body) // 3 + 1
                for i in range(0, len(body), third):
                    part = body[i:i + third]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    timer = threading.Timer(60, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()


def record(out, kind, uri, ctype, block, compress):
    head = [
        "WARC/1.1",
        "WARC-Type: " + kind,
        "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(),
        "WARC-Date: 2026-03-01T10:00:00Z",
    ]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += ["Content-Type: " + ctype, "Content-Length: %d" % len(block)]
    data = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    out.write(gzip.compress(data, 6) if compress else data)


def pack(target, files, with_uri=True):
    compress = not target.endswith(".warc")
    with open(target, "wb") as out:
        record(out, "warcinfo", None, "application/warc-fields",
               b"software: warc_tools.py\r\n", compress)
        for path in files:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                page = f.read()
            name = os.path.basename(path)
            if name.endswith(".gz"):
                name = name[:-3]
            uri = "http://pages.test/" + name
            request = b"GET /%s HTTP/1.1\r\nHost: pages.test\r\n\r\n" % name.encode()
            record(out, "request", uri, "application/http; msgtype=request", request, compress)
            response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(page)) + page
            record(out, "response", uri if with_uri else None,
                   "application/http; msgtype=response", response, compress)


def read(library, warc):
    lib = ctypes.CDLL(library)
    lib.pith_warc_open_memory.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p,
                                          ctypes.POINTER(ctypes.c_void_p)]
    lib.pith_warc_next.argtypes = [ctypes.c_void_p]
    lib.pith_warc_free.argtypes = [ctypes.c_void_p]
    lib.pith_warc_target_uri.argtypes = [ctypes.c_void_p]
    lib.pith_warc_target_uri.restype = ctypes.c_char_p
    lib.pith_warc_http_status.argtypes = [ctypes.c_void_p]
    lib.pith_warc_body.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t)]
    lib.pith_warc_body.restype = ctypes.c_void_p
    with open(warc, "rb") as f:
        data = f.read()
    w = ctypes.c_void_p()
    assert lib.pith_warc_open_memory(data, len(data), None, ctypes.byref(w)) == 0
    end = 21  # PITH_END
    try:
        while True:
            st = lib.pith_warc_next(w)
            if st == end:
                break
            n = ctypes.c_size_t()
            body = ctypes.string_at(lib.pith_warc_body(w, ctypes.byref(n)), n.value)
            print(json.dumps({"status": st, "uri": (lib.pith_warc_target_uri(w) or b"").decode(),
                              "http": lib.pith_warc_http_status(w),
                              "body": base64.b64encode(body).decode()}))
    finally:
        lib.pith_warc_free(w)


def main(argv):
    if len(argv) == 4 and argv[1] == "serve":
        serve(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1:3] == ["pack", "--no-uri"]:
        pack(argv[3], argv[4:], with_uri=False)
    elif len(argv) >= 3 and argv[1] == "pack":
        pack(argv[2], argv[3:])
    elif len(argv) == 4 and argv[1] == "read":
        read(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
