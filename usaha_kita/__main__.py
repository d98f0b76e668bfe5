import sys

from widgets.kit.cli import main

sys.exit(main())
