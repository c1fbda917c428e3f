"""`python -m rulings` runs the command line."""

from rulings.cli import main

if __name__ == "__main__":
    main()
