"""newsqa's benchmarks against peer tools: ``python -m benchmarks`` runs them all (see ``run.py``)."""
