"""The pages of the web app, one module per audience."""
