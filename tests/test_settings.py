import pytest

from kg.errors import SettingError
from kg.settings import Settings, describe
from tests.conftest import ROOT


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name, _, _ in describe() if f"`{name}`" not in doc or f"`KG_{name.upper()}`" not in doc]
    assert not missing, f"document these settings in docs/settings.md: {missing}"


def test_every_setting_has_a_help_line():
    assert all(help_text.strip() for _, _, help_text in describe())


@pytest.mark.parametrize(
    "env, expected",
    [({"KG_QUERY_TIMEOUT": "2.5"}, 2.5), ({}, Settings().query_timeout)],
)
def test_environment_overrides_default(monkeypatch, env, expected):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert Settings.load().query_timeout == expected


def test_keyword_beats_environment(monkeypatch):
    monkeypatch.setenv("KG_STORE", "/from/env")
    assert Settings.load(store="/from/kw").store == "/from/kw"
    assert Settings.load(store=None).store == "/from/env"


@pytest.mark.parametrize("kw", [{"query_row_limit": "many"}, {"no_such_setting": 1}])
def test_bad_settings_name_the_value(kw):
    with pytest.raises(SettingError) as info:
        Settings.load(**kw)
    assert next(iter(kw)) in str(info.value)


@pytest.mark.parametrize("store, remote", [("data/store", False), ("http://127.0.0.1:7878", True), ("https://x", True)])
def test_store_kind(store, remote):
    assert Settings.load(store=store).store_is_remote is remote
