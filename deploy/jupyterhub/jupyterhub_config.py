# Usaha Kita on one district server, in the way of The Littlest JupyterHub:
# the hub runs as root, each participant's server runs as a system user of their own
# ("uk-<name>", made on first start), every server opens the kit's home through Voila,
# and each user's work stays in a folder of their own.
#
#   cd /srv/usaha-kita && sudo /opt/usaha-kita/.venv/bin/jupyterhub \
#       -f /opt/usaha-kita/deploy/jupyterhub/jupyterhub_config.py
#
# Steps, timings and the Kubernetes way: docs/deploy-jupyterhub.md.
# Edit the lines under "This district" and nothing else.
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(KIT))  # the kit's own code, as installed in its .venv

from widgets.kit import hub  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub's config loader provides it)

# --- This district ---------------------------------------------------------------------
ADMINS = {"admin"}                  # hub admins: trainers too, and they add users
TRAINERS = ("pelatih1",)            # trainers who are not admins (the group "pelatih")
PARTICIPANTS = set()                # names allowed before an admin adds them on /hub/admin
DATA_ROOT = "/srv/usaha-kita/data"  # one folder per user below it, private to that user
# Empty: each user's work in their folder. A PostgreSQL URL: every class in one database, a
# user's class from their hub group "kelas-<key>" (docs/deploy-jupyterhub.md, "Data").
DATABASE_URL = ""
# ----------------------------------------------------------------------------------------

hub.configure_hub(c, data_root=DATA_ROOT, trainers=TRAINERS, database_url=DATABASE_URL)

# Where the hub listens: every phone and laptop on the office network, port 8000.
# (Put a TLS proxy in front, or set JupyterHub.ssl_key/ssl_cert, before the internet.)
c.JupyterHub.bind_url = "http://0.0.0.0:8000"
c.JupyterHub.db_url = "sqlite:////srv/usaha-kita/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "/srv/usaha-kita/jupyterhub_cookie_secret"  # noqa: S105
c.ConfigurableHTTPProxy.pid_file = "/srv/usaha-kita/jupyterhub-proxy.pid"

# Who signs in: The Littlest JupyterHub's FirstUseAuthenticator. A name an admin added sets
# its password on the first sign-in; nobody else gets in.
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
c.FirstUseAuthenticator.create_users = False
c.FirstUseAuthenticator.dbm_path = "/srv/usaha-kita/passwords.dbm"
c.FirstUseAuthenticator.min_password_length = 8
c.Authenticator.admin_users = ADMINS
c.Authenticator.allowed_users = PARTICIPANTS | set(TRAINERS)
c.Authenticator.username_pattern = hub.USERNAME_PATTERN

# Each user's server runs as their own system user, as on The Littlest JupyterHub.
c.JupyterHub.spawner_class = hub.local_spawner_class()
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
c.Spawner.mem_limit = "1G"  # a guide for the server; LocalProcessSpawner does not enforce it
