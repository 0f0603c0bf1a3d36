"""The command line: thin typer commands over the library; nothing below imports this package."""
