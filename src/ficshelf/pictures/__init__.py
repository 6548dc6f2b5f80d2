"""Pictures (SVG) for the work page: the character-interaction graph and the mood arc."""
