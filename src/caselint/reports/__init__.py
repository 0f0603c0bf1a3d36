"""Report formats, one module each; none of them decides anything, they only render."""
