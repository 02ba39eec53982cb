"""A programme followed for weeks: the plan kept, check-ins, progress, outcome, reminders."""
