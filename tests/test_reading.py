"""Reading drafts: encodings, byte-order marks and newlines are decoded exactly."""

import codecs

import pytest

from factlint.reading import ReadError, decode, discover, read_source


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        ("Kyiv – café\r\n".encode(), "utf-8", False),
        (codecs.BOM_UTF8 + "Kyiv – café\r\n".encode(), "utf-8", True),
        (codecs.BOM_UTF16_LE + "Kyiv – café\r\n".encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + "Kyiv – café\r\n".encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_decoding_keeps_newlines_and_drops_the_bom(data, encoding, bom):
    source = decode(data, "d.txt")
    assert (source.text, source.encoding, source.bom) == ("Kyiv – café\r\n", encoding, bom)


def test_invalid_utf8_names_the_byte():
    with pytest.raises(ReadError, match=r"d.txt: not valid UTF-8 at byte 4"):
        decode(b"abc \xff def", "d.txt")
    assert decode(b"abc \xff def", "d.txt", errors="replace").text == "abc \ufffd def"


def test_binary_and_empty_files():
    with pytest.raises(ReadError, match="binary file"):
        decode(b"PK\x03\x04\x00\x00", "d.md")
    assert decode(b"", "d.md").text == ""


def test_read_errors_for_missing_files_and_directories(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_source(str(tmp_path / "nope.md"))
    with pytest.raises(ReadError, match="is a directory"):
        read_source(str(tmp_path))


def test_discover_follows_symlinked_folders_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "s.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = [p for p in discover([str(tmp_path)]) if isinstance(p, str)]
    assert found == [str(tmp_path / "a" / "s.md")]
