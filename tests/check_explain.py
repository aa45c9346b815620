#!/usr/bin/env python3
"""The explain view in a real browser (chromium-headless-shell).

    check_explain.py PITH OUTDIR PAGE... [--hostile PAGE] [--screenshot PAGE [PNG]]

For each PAGE: `pith --explain` writes OUTDIR/NAME.explain.html and `pith`
its text; chromium's --dump-dom of the explain file shows the kept blocks
in the same order and with the same text as the text output, and every
dropped block marked with a reason; the browser reports no violation of
the file's Content-Security-Policy (its style sheet's hash is right).

--hostile PAGE: its explain file, opened with JavaScript on and every
request sent to a logging proxy on 127.0.0.1, makes no request at all (a
control page with an image does make one, so the proxy is seen to work).

--screenshot PAGE [PNG]: a screenshot of its explain file is a PNG of many
colours, not a blank page; kept as PNG when given (the README's picture).

Standard library only. Exits 1 on the first failure.
"""
import base64
import hashlib
import html.parser
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import zlib
from pathlib import Path

BROWSER = os.environ.get("CHROMIUM", "chromium-headless-shell")


def fail(msg):
    print(f"check_explain: {msg}")
    sys.exit(1)


def browser(args, timeout=90):
    cmd = [BROWSER, "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-default-apps", "--hide-scrollbars"]
    if os.geteuid() == 0:
        cmd.append("--no-sandbox")
    res = subprocess.run(cmd + args, capture_output=True, timeout=timeout)
    return res.stdout.decode("utf-8", "replace"), res.stderr.decode("utf-8", "replace")


class Rows(html.parser.HTMLParser):
    """The block table's rows: (classes, text of the .t element, reason)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.stack, self.row, self.field = [], [], None, None

    def handle_starttag(self, tag, attrs):
        cls = (dict(attrs).get("class") or "").split()
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self.stack.append((tag, self.field))
        if tag == "tr" and "b" in cls:
            self.row = {"class": cls, "t": None, "why": None, "tcls": []}
        elif self.row is not None and "t" in cls:
            self.field, self.row["t"], self.row["tcls"] = "t", "", cls
        elif self.row is not None and tag == "td" and "why" in cls:
            self.field, self.row["why"] = "why", ""

    def handle_endtag(self, tag):
        while self.stack:
            t, field = self.stack.pop()
            self.field = field
            if t == tag:
                break
        if tag == "tr" and self.row is not None:
            if self.row["t"] is not None and self.row["why"] is not None:
                self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.row is not None and self.field:
            self.row[self.field] += data


def check_page(pith, out, page):
    name = Path(page).stem
    view = out / f"{name}.explain.html"
    with open(view, "wb") as f:
        subprocess.run([pith, "--explain", page], stdout=f, check=True)
    text = subprocess.run([pith, page], capture_output=True, check=True).stdout.decode()
    data = view.read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", data, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    if f"'sha256-{digest}'" not in data:
        fail(f"{view}: the policy does not allow the style sheet (its hash is sha256-{digest}: "
             "STYLE_HASH in lib/render/explain_page.c)")
    dom, log = browser(["--dump-dom", view.resolve().as_uri()])
    if "Content Security Policy" in log:
        fail(f"{view}: the browser reports a policy violation:\n{log}")
    if "</html>" not in dom:
        fail(f"{view}: no DOM dumped:\n{log[-2000:]}")
    parser = Rows()
    parser.feed(dom)
    parser.close()
    kept = "".join(r["t"] + "\n" for r in parser.rows if "kept" in r["class"]
                   and "img" not in r["tcls"])
    if kept != text:
        fail(f"{view}: the kept blocks are not the text output:\n{kept}\n---\n{text}")
    dropped = [r for r in parser.rows if "kept" not in r["class"]]
    for r in dropped:
        if not r["why"].strip() or not any(re.fullmatch(r"r\d+", c) for c in r["class"]):
            fail(f"{view}: a dropped block without a reason: {r}")
    print(f"check_explain: {name}: {len(parser.rows) - len(dropped)} kept blocks are the text, "
          f"{len(dropped)} dropped with a reason")
    return view


class Proxy:
    """An HTTP proxy that answers nothing and remembers what was asked."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                head = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
            except OSError:
                head = "(no request line)"
            self.requests.append(head)
            try:
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")
            except OSError:
                pass
            conn.close()


def requests_of(url, proxy):
    before = len(proxy.requests)
    browser([f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
             "--virtual-time-budget=3000", "--dump-dom", url])
    return proxy.requests[before:]


def check_hostile(pith, out, page):
    view = check_page(pith, out, page)
    proxy = Proxy()
    control = out / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://control.example/seen.png">')
    if not requests_of(control.resolve().as_uri(), proxy):
        fail("the logging proxy saw no request from the control page: the test cannot see any")
    asked = requests_of(view.resolve().as_uri(), proxy)
    if asked:
        fail(f"{view}: the explain view of a hostile page made requests: {asked}")
    print(f"check_explain: {Path(page).stem}: no request with JavaScript on "
          f"(the control page made {len(proxy.requests)})")


def png_colours(path):
    """Distinct colours of an 8-bit RGB or RGBA PNG."""
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                fail(f"{path}: PNG of depth {depth}, colour type {ctype}: not read here")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), width * bpp
    prev, colours = bytearray(stride), set()
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp * 2))
        prev = line
    return width, height, len(colours)


def check_screenshot(pith, out, page, keep):
    view = check_page(pith, out, page)
    png = Path(keep) if keep else out / "explain.png"
    browser(["--window-size=900,640", f"--screenshot={png.resolve()}", view.resolve().as_uri()])
    if not png.is_file():
        fail(f"{view}: no screenshot")
    w, h, n = png_colours(png)
    if n < 20:
        fail(f"{png}: {n} colours in {w}x{h}: a blank page")
    print(f"check_explain: screenshot {w}x{h}, {n} colours, {png.stat().st_size} bytes")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    pith, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    args = argv[2:]
    while args:
        a = args.pop(0)
        if a == "--hostile":
            check_hostile(pith, out, args.pop(0))
        elif a == "--screenshot":
            page = args.pop(0)
            keep = args.pop(0) if args and args[0].endswith(".png") else None
            check_screenshot(pith, out, page, keep)
        else:
            check_page(pith, out, a)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
