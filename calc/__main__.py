import sys

from calc.cli import main

sys.exit(main(sys.argv[1:]))
