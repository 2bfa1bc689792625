import sys

from newsqa.cli import main

sys.exit(main())
