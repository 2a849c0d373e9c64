"""Entry script: build the sample report's graph with every default output (what `make run` does)."""
import sys

from kg.cli import cli

if __name__ == "__main__":
    sys.exit(cli.main(args=["build", *sys.argv[1:]], prog_name="build_graph.py", standalone_mode=True))
