"""zoneqa bot: questions → answers → messages, on top of `index`."""
