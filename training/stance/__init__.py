"""Training of the claim/evidence stance model (Climate-FEVER pairs) and its antonym list."""
