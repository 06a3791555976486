"""A Pacifica archive interface for the cart benchmark: serves the files of one directory the way
pacifica-archiveinterface answers cartd (POST /{id} stages, HEAD /{id} gives the status headers,
GET /{id} sends the bytes). Usage: python3 archive.py PORT DIR"""
import os
import shutil
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.realpath(sys.argv[2])


class Archive(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def file(self):
        path = os.path.realpath(os.path.join(ROOT, self.path.lstrip("/")))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return path

    def do_POST(self):
        if self.file():
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def do_HEAD(self):
        path = self.file()
        if path:
            self.send_response(200)
            self.send_header("X-Pacifica-File-Storage-Media", "disk")
            self.send_header("X-Content-Length", str(os.path.getsize(path)))
            self.send_header("X-Pacifica-Messsage", "File was found")
            self.send_header("Content-Length", "0")
            self.end_headers()

    def do_GET(self):
        path = self.file()
        if path:
            self.send_response(200)
            self.send_header("Content-Length", str(os.path.getsize(path)))
            self.end_headers()
            with open(path, "rb") as f:
                shutil.copyfileobj(f, self.wfile, 1024 * 1024)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Archive).serve_forever()
