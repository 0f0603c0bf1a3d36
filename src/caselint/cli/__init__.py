"""The command line: thin typer commands over the library; nothing below imports this package.

Takes argv; parses options, loads the pack and config, calls the library stage the command
names, prints its report and returns the exit code (0 clean, 1 findings, 2 usage or internal).
"""
