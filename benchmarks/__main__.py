"""``python -m benchmarks``: run every benchmark, write the results table and the plot."""

import sys

from benchmarks.run import main

sys.exit(main())
