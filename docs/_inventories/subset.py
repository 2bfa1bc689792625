"""Write the entries of an installed Sphinx inventory that the newsqa docs reference.

Usage: ``python docs/_inventories/subset.py OBJECTS_INV PROJECT VERSION NAME... > docs/_inventories/NAME.txt``

For example, with Debian's ``python3.11-doc`` package installed::

    python docs/_inventories/subset.py /usr/share/doc/python3.11/html/objects.inv Python 3.11 \
        $(grep -v '^#' docs/_inventories/python.names) > docs/_inventories/python.txt

Only the Python objects named are written, with every role they are known under.
"""

from __future__ import annotations

import sys

from sphinx.util.inventory import InventoryFile


def main(argv: list[str]) -> int:
    path, project, version, *names = argv
    with open(path, "rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    wanted = set(names)
    print("# Sphinx inventory version 2")
    print(f"# Project: {project}")
    print(f"# Version: {version}")
    print("# The remainder of this file is compressed using zlib.")
    found = set()
    data = inventory.data if hasattr(inventory, "data") else inventory
    for role in sorted(r for r in data if r.startswith("py:")):
        for name in sorted(data[role]):
            if name not in wanted:
                continue
            item = data[role][name]
            uri = getattr(item, "uri", None) or item[2]
            display = getattr(item, "display_name", None) or item[3]
            anchor = uri[: -len(name)] + "$" if uri.endswith("#" + name) else uri
            print(f"{name} {role} 1 {anchor} {'-' if display in ('-', name) else display}")
            found.add(name)
    missing = wanted - found
    if missing:
        print(f"not in {path}: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
