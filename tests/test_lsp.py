"""``factlint lsp``: the language server, driven as an editor drives it, over a real pipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is part of the test extras")

from lsp_client import LspClient  # noqa: E402

from factlint.lsp.positions import PositionMap, units  # noqa: E402
from factlint.lsp.rules import EditorSettings  # noqa: E402

PACK = str(Path(__file__).parent / "fixtures" / "report_pack")

DRAFT = "# Pier 🌊 notes\n\n🌊🌊 Today people are saying the storm ravaged the pier, and the damage was catastrophic.\n"


def utf16_slice(line: str, start: int, end: int) -> str:
    """What an editor counting UTF-16 units shows between two characters of a line."""
    data = line.encode("utf-16-le")
    return data[2 * start : 2 * end].decode("utf-16-le")


def apply_edit(text: str, edit: dict, encoding: str = "utf-16") -> str:
    positions = PositionMap(text, encoding)
    r = edit["range"]
    start = positions.offset(r["start"]["line"], r["start"]["character"])
    end = positions.offset(r["end"]["line"], r["end"]["character"])
    return text[:start] + edit["newText"] + text[end:]


# --- positions --------------------------------------------------------------------------


def test_positions_count_utf16_units_by_default():
    text = "a🌊b\r\n🌊é🌊x\rlast"
    p = PositionMap(text)
    x = text.index("x")
    assert p.position(x) == (1, 2 + 1 + 2)  # two surrogate pairs and an é before x
    assert p.offset(1, 5) == x
    assert p.position(text.index("last")) == (2, 0)
    assert [units(s) for s in ("🌊", "é", "a")] == [2, 1, 1]
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] != "\r\n":  # the middle of a line break is no position
            assert p.offset(*p.position(offset)) == offset


@pytest.mark.parametrize("encoding, expected", [("utf-32", 3), ("utf-8", 4 + 2 + 1)])
def test_positions_in_negotiated_encodings(encoding, expected):
    text = "🌊éax"
    p = PositionMap(text, encoding)
    assert p.position(text.index("x")) == (0, expected)
    assert p.offset(0, expected) == text.index("x")


def test_a_position_past_the_end_of_a_line_is_its_end():
    p = PositionMap("short\nnext")
    assert p.offset(0, 99) == 5 and p.offset(7, 0) == len("short\nnext")


# --- rules, once per workspace ----------------------------------------------------------


def test_settings_follow_the_configuration_and_compile_once(tmp_path):
    (tmp_path / "desk" / "sub").mkdir(parents=True)
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / ".factlint.yaml").write_text("ignore: [framing]\n", encoding="utf-8")
    settings = EditorSettings()
    first = settings.for_document(str(tmp_path / "desk" / "a.md"))
    assert settings.for_document(str(tmp_path / "desk" / "sub" / "b.md")).ruleset is first.ruleset
    opinion = settings.for_document(str(tmp_path / "opinion" / "c.md"))
    assert any(r.category == "framing" for r in first.ruleset.rules)
    assert not any(r.category == "framing" for r in opinion.ruleset.rules)
    settings.for_document(None)  # an unsaved buffer
    assert settings.compiled == 1  # one set of packs: compiled once, selected per configuration


def test_the_command_line_does_not_import_pygls():
    code = "import sys, factlint.cli; print('pygls' in sys.modules, 'lsprotocol' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_without_pygls_the_command_says_what_to_install():
    code = "import sys; sys.modules['pygls'] = None\nfrom factlint.cli import main\nmain(['lsp'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "pip install 'factlint[lsp]'" in done.stderr


# --- the server over a pipe -------------------------------------------------------------


@pytest.fixture
def server(tmp_path):
    clients = []

    def start(encodings=None):
        client = LspClient([sys.executable, "-m", "factlint", "lsp", "--no-builtin", "--rules", PACK])
        capabilities = {
            "textDocument": {
                "publishDiagnostics": {"versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
            }
        }
        if encodings:
            capabilities["general"] = {"positionEncodings": encodings}
        result = client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": tmp_path.as_uri(),
                "capabilities": capabilities,
                "workspaceFolders": [{"uri": tmp_path.as_uri(), "name": "desk"}],
            },
        )
        client.notify("initialized", {})
        clients.append(client)
        return client, result

    yield start
    for client in clients:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait()


def by_code(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diagnostics}


def test_diagnostics_on_open_change_save_and_close(server, tmp_path):
    client, init = server()
    caps = init["capabilities"]
    assert caps.get("positionEncoding", "utf-16") == "utf-16"
    assert caps["codeActionProvider"] and caps["textDocumentSync"]
    assert init["serverInfo"]["name"] == "factlint"

    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    diags = by_code(client.diagnostics(uri, version=1))
    assert set(diags) == {
        "sourcing/hearsay",
        "readability/long-hearsay",
        "editing/storm-cliche",
        "framing/storm-verbs",
        "framing/loaded-adjectives",
    }
    lines = DRAFT.split("\n")
    for code, word in [
        ("sourcing/hearsay", "people are saying"),
        ("framing/storm-verbs", "ravaged"),
        ("framing/loaded-adjectives", "catastrophic"),
    ]:
        r = diags[code]["range"]
        assert r["start"]["line"] == r["end"]["line"] == 2
        # the editor, counting UTF-16 units, finds the word where the server says it is
        assert utf16_slice(lines[2], r["start"]["character"], r["end"]["character"]) == word
    ravaged = diags["framing/storm-verbs"]
    assert ravaged["range"]["start"]["character"] == units(lines[2][: lines[2].index("ravaged")])
    assert ravaged["severity"] == 1 and diags["sourcing/hearsay"]["severity"] == 2
    assert diags["readability/long-hearsay"]["severity"] == 3
    assert ravaged["source"] == "factlint" and ravaged["message"] == "'ravaged' dramatises; write 'damaged'."
    assert ravaged["codeDescription"]["href"] == "https://example.org/factlint-fixture/storm-verbs"
    assert ravaged["data"]["family"] == "framing"

    # an incremental change: 'ravaged' -> 'battered'
    r = ravaged["range"]
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": r, "text": "battered"}]},
    )
    text = DRAFT.replace("ravaged", "battered")
    diags = by_code(client.diagnostics(uri, version=2))
    assert "readability/long-hearsay" not in diags
    battered = diags["framing/storm-verbs"]
    assert (
        utf16_slice(text.split("\n")[2], battered["range"]["start"]["character"], battered["range"]["end"]["character"])
        == "battered"
    )

    # a whole-document change, then a save
    text = "Pier notes\n\nSources say the pier is very old. 🌊\n"
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}
    )
    assert set(by_code(client.diagnostics(uri, version=3))) == {"sourcing/hearsay", "editing/intensifier"}
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert set(by_code(client.diagnostics(uri))) == {"sourcing/hearsay", "editing/intensifier"}

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_code_actions_apply_fixes_and_suggestions(server, tmp_path):
    client, _ = server()
    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    diags = by_code(client.diagnostics(uri, version=1))

    ravaged = diags["framing/storm-verbs"]
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": ravaged["range"],
            "context": {"diagnostics": [ravaged], "only": ["quickfix"]},
        },
    )
    fix = next(a for a in actions if a["title"] == "Replace 'ravaged' with 'damaged'")
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True  # the rule's fix is safe
    assert fix["diagnostics"][0]["code"] == "framing/storm-verbs"
    (edit,) = fix["edit"]["changes"][uri]
    assert apply_edit(DRAFT, edit) == DRAFT.replace("ravaged", "damaged")

    # a cursor inside 'catastrophic': its two suggestions, neither a preferred fix
    r = diags["framing/loaded-adjectives"]["range"]
    cursor = {"line": r["start"]["line"], "character": r["start"]["character"] + 3}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor}, "context": {"diagnostics": []}},
    )
    titles = {a["title"]: a for a in actions}
    assert set(titles) == {"Replace 'catastrophic' with 'severe'", "Replace 'catastrophic' with 'serious'"}
    assert not any(a.get("isPreferred") for a in actions)
    (edit,) = titles["Replace 'catastrophic' with 'serious'"]["edit"]["changes"][uri]
    assert apply_edit(DRAFT, edit) == DRAFT.replace("catastrophic", "serious")

    # nowhere near a finding: nothing to offer
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
            "context": {"diagnostics": []},
        },
    )
    assert actions in (None, [])
    assert client.close() == 0


def test_plain_text_is_linted_and_other_languages_are_not(server, tmp_path):
    client, _ = server()
    txt = (tmp_path / "wire.txt").as_uri()
    code = (tmp_path / "tool.py").as_uri()
    client.notify(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": code,
                "languageId": "python",
                "version": 1,
                "text": "# sources say the storm ravaged it\n",
            }
        },
    )
    client.notify(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": txt,
                "languageId": "plaintext",
                "version": 1,
                "text": "Sources say the pier is very old.\n",
            }
        },
    )
    assert set(by_code(client.diagnostics(txt, version=1))) == {"sourcing/hearsay", "editing/intensifier"}
    # the server handles messages in order: a reply to a later request means the Python file
    # was dealt with, and it got no diagnostics
    client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": txt},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []},
        },
    )
    assert not [n for n in client.notifications if n["params"].get("uri") == code]
    assert client.close() == 0


def test_utf32_positions_when_the_client_asks_for_them(server, tmp_path):
    client, init = server(encodings=["utf-32", "utf-16"])
    assert init["capabilities"]["positionEncoding"] == "utf-32"
    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    ravaged = by_code(client.diagnostics(uri, version=1))["framing/storm-verbs"]
    line = DRAFT.split("\n")[2]
    assert ravaged["range"]["start"]["character"] == line.index("ravaged")  # code points
    assert client.close() == 0


def test_a_broken_configuration_is_shown_to_the_writer_once(server, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("severity:\n  framing: loud\n", encoding="utf-8")
    client, _ = server()
    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    shown = client.wait_for("window/showMessage")
    assert shown["type"] == 1  # Error
    assert ".factlint.yaml" in shown["message"] and "loud" in shown["message"]
    # a second lint of the draft does not pop the same message up again
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": DRAFT + "\nMore.\n"}]},
    )
    client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []},
        },
    )
    assert not [n for n in client.notifications if n["method"] == "window/showMessage"]
    assert client.close() == 0


# --- hostile frames (issue 18 item 6) ---------------------------------------------------


def _raw(client, data: bytes) -> None:
    client.proc.stdin.write(data)
    client.proc.stdin.flush()


def _response(client, ident):
    while True:
        message = client._take()
        if message.get("id") == ident and "method" not in message:
            return message


def test_a_frame_with_a_bad_content_length_does_not_wedge_the_server(server, tmp_path):
    client, _ = server()
    _raw(client, b"Content-Length: abc\r\n\r\n{}")
    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    assert "sourcing/hearsay" in by_code(client.diagnostics(uri, version=1))
    assert client.close() == 0
    assert "Traceback" not in client.stderr


def test_a_code_action_with_negative_positions_gets_an_error_response(server, tmp_path):
    client, _ = server()
    uri = (tmp_path / "pier.md").as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    client.diagnostics(uri, version=1)
    client._next_id += 1
    ident = client._next_id
    client._send(
        {
            "id": ident,
            "method": "textDocument/codeAction",
            "params": {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": -1, "character": -5}, "end": {"line": 0, "character": -1}},
                "context": {"diagnostics": []},
            },
        }
    )
    answer = _response(client, ident)
    assert "result" not in answer
    assert answer["error"]["code"] in (-32602, -32600)  # invalid params / invalid request
    # and the server goes on answering
    assert (
        client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                "context": {"diagnostics": []},
            },
        )
        is not None
    )
    assert client.close() == 0
    assert "Traceback" not in client.stderr
