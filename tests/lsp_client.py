"""A minimal LSP client for the tests: JSON-RPC with Content-Length framing over a real
subprocess pipe, as an editor talks to ``factlint lsp``."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Callable
from typing import Any

TIMEOUT = 30  # seconds; a generous bound on a hang, not a performance assertion


class LspClient:
    def __init__(self, args: list[str], cwd: str | None = None) -> None:
        self.proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd
        )
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []  # every notification received, in order
        self.requests_from_server: list[dict] = []
        self._next_id = 0
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self._stderr.extend(self.proc.stderr), daemon=True).start()

    # --- wire ---------------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def _take(self) -> dict:
        try:
            message = self.inbox.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no message from the server in {TIMEOUT} s; stderr: {self.stderr}") from None
        if message is None:
            raise AssertionError(f"the server closed its output; stderr: {self.stderr}")
        if "method" in message and "id" in message:  # a request from the server: answer it
            self.requests_from_server.append(message)
            self._send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")[-3000:]

    # --- protocol -----------------------------------------------------------------------

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        while True:
            message = self._take()
            if message.get("id") == ident and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, match: Callable[[dict], bool] = lambda p: True) -> dict:
        """The params of the first notification ``method`` not yet consumed that matches."""
        seen = 0
        while True:
            for i, note in enumerate(self.notifications[seen:], start=seen):
                if note["method"] == method and match(note["params"]):
                    del self.notifications[i]
                    return note["params"]
            seen = len(self.notifications)
            self._take()

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        params = self.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
        )
        return params["diagnostics"]

    def close(self) -> int:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
