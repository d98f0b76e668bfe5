# Each user's server on the hub (jupyterhub-singleuser) reads this file: the hub puts this
# folder, then the kit's root (for voila.json), on JUPYTER_CONFIG_PATH
# (widgets.kit.hub.user_environment). The server is the kit's Voila over lessons/.
from widgets.kit import hub

hub.configure_user_server(get_config())  # noqa: F821 (jupyter's config loader provides it)
