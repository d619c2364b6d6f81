"""helpers.datafiles: a word list edited in a running kernel takes effect at the next use."""

from __future__ import annotations

import os

from helpers.datafiles import CACHE_SIZE, _cache, read_csv, read_data, read_json, reload_word_lists


def test_an_edited_file_is_read_again(tmp_path):
    words = tmp_path / "verbs.csv"
    words.write_text("verb,rating\nsay,neutral\n", encoding="utf-8")
    assert [r["verb"] for r in read_csv(words)] == ["say"]
    words.write_text("verb,rating\nsay,neutral\nclaim,loaded\n", encoding="utf-8")
    os.utime(words, ns=(1, 10**18))  # a new time stamp, whatever the file system's resolution
    assert [r["verb"] for r in read_csv(words)] == ["say", "claim"]


def test_an_unchanged_file_is_read_once(tmp_path):
    calls = []
    path = tmp_path / "list.json"
    path.write_text('["a"]', encoding="utf-8")

    def parse(p):
        calls.append(p)
        return p.read_text(encoding="utf-8")

    assert read_data(path, parse) == read_data(path, parse) == '["a"]'
    assert len(calls) == 1
    reload_word_lists()
    read_data(path, parse)
    assert len(calls) == 2


def test_the_cache_is_bounded(tmp_path):
    for k in range(CACHE_SIZE + 10):
        path = tmp_path / f"{k}.json"
        path.write_text(str(k), encoding="utf-8")
        assert read_json(path) == k
    assert len(_cache) <= CACHE_SIZE
