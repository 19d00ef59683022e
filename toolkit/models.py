"""Method cards, stories, pilots and results arrive with their issues (ARCHITECTURE.md)."""
