"""Shared fixtures."""

pytest_plugins = ["languagetool_fixtures"]
