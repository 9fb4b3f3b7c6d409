"""`python -m bot.staff add <naam>`: adds or replaces a console account and asks for its password."""

import getpass
import sys
from collections.abc import Sequence

from bot.settings import settings
from bot.staff.accounts import add_account


def main(argv: Sequence[str]) -> int:
    path = settings().staff_file
    if len(argv) != 3 or argv[1] != "add" or path is None:
        print("gebruik: WMO_STAFF_FILE=pad python -m bot.staff add <naam>", file=sys.stderr)
        return 2
    password = getpass.getpass("Wachtwoord: ")
    if password != getpass.getpass("Nog een keer: "):
        print("De wachtwoorden zijn niet gelijk.", file=sys.stderr)
        return 1
    try:
        add_account(path, argv[2], password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Account {argv[2]} staat in {path}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
