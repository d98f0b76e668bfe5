"""ipywidgets views over the kit's plain modules. The only package that imports ipywidgets."""
