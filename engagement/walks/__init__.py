"""Walk sessions (issue 17): a facilitator's short code that a group's pins carry, and the
facilitator's pages listing them. Decision 0047."""
