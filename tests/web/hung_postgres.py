"""A PostgreSQL server that stops answering: a paused or stalled database, without pausing one.

It listens on loopback and speaks just enough of the protocol to let a client connect (no TLS,
trust authentication, the parameters psycopg and Django read), then reads whatever the client
sends and never answers. With `answer_startup=False` it does not even complete the connection.
"""

from __future__ import annotations

import socket
import struct
import threading

SSL_REQUEST, GSSENC_REQUEST, CANCEL_REQUEST = 80877103, 80877104, 80877102
PARAMETERS = {
    "server_version": "16.0",
    "server_encoding": "UTF8",
    "client_encoding": "UTF8",
    "DateStyle": "ISO, MDY",
    "IntervalStyle": "postgres",
    "integer_datetimes": "on",
    "standard_conforming_strings": "on",
    "TimeZone": "UTC",
    "is_superuser": "off",
    "session_authorization": "archive",
}


def message(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("!I", len(body) + 4) + body


def read_exact(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("client went away")
        data += chunk
    return data


class HungPostgres:
    def __init__(self, *, answer_startup: bool = True):
        self.answer_startup = answer_startup
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.queries_received = 0

    @property
    def url(self) -> str:
        return f"postgres://archive@127.0.0.1:{self.port}/archive"

    def __enter__(self) -> HungPostgres:
        threading.Thread(target=self.accept, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.listener.close()
        for conn in self.connections:
            conn.close()

    def accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn: socket.socket) -> None:
        try:
            if self.answer_startup and self.start_session(conn):
                while conn.recv(65536):
                    self.queries_received += 1
            else:
                while conn.recv(65536):
                    pass
        except OSError:
            pass

    def start_session(self, conn: socket.socket) -> bool:
        while True:
            length = struct.unpack("!I", read_exact(conn, 4))[0]
            body = read_exact(conn, length - 4)
            code = struct.unpack("!I", body[:4])[0]
            if code in (SSL_REQUEST, GSSENC_REQUEST):
                conn.sendall(b"N")  # no encryption: carry on in the clear
                continue
            if code == CANCEL_REQUEST:
                return False
            break
        reply = message(b"R", struct.pack("!I", 0))  # AuthenticationOk
        for name, value in PARAMETERS.items():
            reply += message(b"S", name.encode() + b"\0" + value.encode() + b"\0")
        reply += message(b"K", struct.pack("!II", 4242, 4242))
        reply += message(b"Z", b"I")  # ReadyForQuery, idle
        conn.sendall(reply)
        return True
