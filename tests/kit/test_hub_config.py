"""The kit's JupyterHub parts without a hub: user folders, roles, the user server's config
(read from the real voila.json), and the trainer gate on a hub (no password)."""

from __future__ import annotations

import ipywidgets as w
import pytest
from hypothesis import given
from hypothesis import strategies as st
from traitlets.config import Config

from widgets.kit import hub
from widgets.training.ui.gate import TrainerGate


class Group:
    def __init__(self, name: str) -> None:
        self.name = name


class User:
    """The two attributes of ``jupyterhub.user.User`` the role reads."""

    def __init__(self, name: str, admin: bool = False, groups: tuple[str, ...] = ()) -> None:
        self.name, self.admin, self.groups = name, admin, [Group(g) for g in groups]


class Spawner:
    def __init__(self, user: User) -> None:
        self.user = user


@given(st.text(min_size=1, max_size=40))
def test_every_user_name_is_one_folder_inside_the_data_root(name):
    folder = hub.folder_name(name)
    assert "/" not in folder and "\\" not in folder and folder not in (".", "..")
    assert hub.data_folder("/srv/data", name).parent.as_posix() == "/srv/data"


def test_two_names_never_share_a_folder():
    names = ["ani", "Ani", "a.ni", "a~2eni", "a/ni", "a@ni", "..", "ani-1", "ani_1"]
    folders = {hub.folder_name(n) for n in names if n != "Ani"}  # the hub lowercases names
    assert len(folders) == len(names) - 1


def test_an_admin_or_a_member_of_the_group_is_the_trainer():
    assert hub.is_trainer(User("admin", admin=True))
    assert hub.is_trainer(User("bu-rina", groups=("pelatih",)))
    assert not hub.is_trainer(User("siti", groups=("konveksi",)))


def test_the_hub_gives_each_server_its_folder_and_role(tmp_path):
    env = hub.user_environment(tmp_path)
    trainer, participant = Spawner(User("bu-rina", groups=("pelatih",))), Spawner(User("siti"))
    assert env["USAHA_KITA_DATA"](participant) == str(tmp_path / "siti")
    assert env["USAHA_KITA_HUB_ROLE"](participant) == "peserta"
    assert env["USAHA_KITA_HUB_ROLE"](trainer) == "pelatih"
    assert env["JUPYTER_CONFIG_PATH"].split(":")[1] == str(hub.KIT_ROOT)
    hub.prepare_data_folder(tmp_path)(participant)
    assert (tmp_path / "siti").stat().st_mode & 0o777 == 0o700


def test_the_hub_config_opens_the_kit_home_and_creates_the_trainer_group(tmp_path):
    c = Config()
    hub.configure_hub(c, data_root=tmp_path, trainers=("bu-rina",))
    assert c.Spawner.default_url == "/voila/render/00-beranda.ipynb"
    assert c.JupyterHub.load_groups == {"pelatih": {"users": ["bu-rina"]}}
    assert c.Spawner.cmd[0].endswith("jupyterhub-singleuser")


def test_a_system_name_never_is_an_existing_account():
    assert hub.system_name("root") == "uk-root"
    import re

    assert re.fullmatch(hub.USERNAME_PATTERN, "bu-rina")
    assert not re.fullmatch(hub.USERNAME_PATTERN, "Root")


def test_each_user_server_takes_the_kit_voila_json(monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path))  # the config sets its own
    c = Config()
    hub.configure_user_server(c)
    settings = hub.voila_settings()
    assert c.MappingKernelManager.cull_idle_timeout == (
        settings["MappingKernelManager"]["cull_idle_timeout"])
    assert c.ServerApp.tornado_settings["websocket_max_message_size"] == 16 * 1024 * 1024
    assert c.ServerApp.kernel_websocket_connection_class == "widgets.kit.channels.KitChannels"
    assert c.ServerApp.root_dir == str(hub.LESSONS_DIR)
    assert c.ServerApp.terminals_enabled is False


@pytest.mark.parametrize("role, built", [("pelatih", True), ("peserta", False)])
def test_on_a_hub_the_account_decides_and_no_password_is_asked(monkeypatch, store, role,
                                                                built):
    monkeypatch.setenv("USAHA_KITA_HUB_ROLE", role)
    monkeypatch.setenv("JUPYTERHUB_USER", "bu-<b>rina")
    made = []
    gate = TrainerGate(store, lambda s: made.append(s) or w.HTML("tabs"))
    assert bool(made) is built and gate.signed_in is built
    shown = " ".join(c.value for c in gate.children if isinstance(c, w.HTML))
    assert "bu-&lt;b&gt;rina" in shown and "<b>" not in shown
    assert not any(isinstance(c, w.Password) for c in gate.children)
    assert gate.password not in gate.children


def test_on_a_laptop_the_password_is_asked(monkeypatch, store):
    monkeypatch.delenv("USAHA_KITA_HUB_ROLE", raising=False)
    gate = TrainerGate(store, lambda s: w.HTML("tabs"))
    assert gate.password in gate.children and not gate.signed_in


def test_the_helm_values_open_the_kit_home_and_give_each_user_a_role(tmp_path):
    import yaml

    values = yaml.safe_load((hub.KIT_ROOT / "deploy/jupyterhub/values.yaml").read_text())
    user = values["singleuser"]
    assert user["defaultUrl"] == hub.HOME_URL
    assert user["cmd"] == "jupyterhub-singleuser"
    kit = "/srv/usaha-kita"  # repo2docker --target-repo-dir
    assert user["extraEnv"]["JUPYTER_CONFIG_PATH"] == (
        f"{kit}/{hub.USER_CONFIG_DIR.relative_to(hub.KIT_ROOT).as_posix()}:{kit}")
    assert user["extraEnv"]["JUPYTER_PATH"] == f"{kit}/share/jupyter"
    assert user["extraEnv"]["USAHA_KITA_DATA"].startswith("/home/jovyan/")  # the user's volume
    assert user["networkPolicy"]["egressAllowRules"]["nonPrivateIPs"] is False
    assert values["hub"]["config"]["JupyterHub"]["load_groups"] == {hub.TRAINER_GROUP:
                                                                    {"users": []}}
    c = Config()
    c.KubeSpawner.environment = {}
    exec(values["hub"]["extraConfig"]["usaha-kita-role"], {"c": c})  # noqa: S102 (our file)
    role = c.KubeSpawner.environment["USAHA_KITA_HUB_ROLE"]
    for someone in (User("admin", admin=True), User("bu-rina", groups=("pelatih",)),
                    User("siti"), User("budi", groups=("kambing",))):
        assert (role(Spawner(someone)) == "pelatih") is hub.is_trainer(someone)
    klass = c.KubeSpawner.environment["USAHA_KITA_CLASS"]
    for someone in (User("siti", groups=("kelas-b", "kelas-a", "pelatih")), User("budi")):
        assert klass(Spawner(someone)) == hub.class_key(someone)


def test_the_image_built_from_environment_yml_has_the_hub_parts():
    import yaml

    env = yaml.safe_load((hub.KIT_ROOT / "environment.yml").read_text())
    pip = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    names = {line.split("==")[0] for line in pip}
    assert {"jupyterhub", "voila", "-e ."} <= names | {line for line in pip}


def test_a_python_inside_a_private_home_is_found_before_a_server_fails():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # /tmp: open to everyone
        base = Path(folder)
        base.chmod(0o755)
        private = base / "root-home"
        (private / "bin").mkdir(parents=True)
        python = private / "bin" / "python3"
        python.write_text("")
        python.chmod(0o755)
        (base / "venv").mkdir()
        link = base / "venv" / "python"
        link.symlink_to(python)
        assert hub.closed_to_others(link) is None
        private.chmod(0o700)  # a pyenv Python under /root
        assert hub.closed_to_others(link) == private
        private.chmod(0o755)
        python.chmod(0o700)
        assert hub.closed_to_others(link) == python


def test_the_trainer_page_on_a_hub_has_no_laptop_pool(monkeypatch, store):
    from widgets.training.ui.lesson_trainer import TrainerTabs
    from widgets.training.ui.pool_view import PoolView

    monkeypatch.setenv("USAHA_KITA_HUB_ROLE", "pelatih")
    tabs = TrainerTabs(store)
    tabs.dashboard.stop()
    assert tabs.pool is None
    assert not any(isinstance(c, PoolView) for c in tabs.children[0].children)
    monkeypatch.delenv("USAHA_KITA_HUB_ROLE")
    laptop = TrainerTabs(store)
    laptop.dashboard.stop()
    assert isinstance(laptop.pool, PoolView)


def test_with_a_shared_database_each_server_gets_it_and_its_class(tmp_path):
    url = "postgresql://kit@db.district.example/usaha_kita"
    env = hub.user_environment(tmp_path, database_url=url)
    member = Spawner(User("siti", groups=("konveksi", "kelas-jepara-2019", "kelas-zz")))
    assert env["USAHA_KITA_DATABASE"] == url
    assert env["USAHA_KITA_CLASS"](member) == "jepara-2019"
    assert env["USAHA_KITA_CLASS"](Spawner(User("budi"))) == ""
    assert "USAHA_KITA_DATABASE" not in hub.user_environment(tmp_path)  # folders: no database
