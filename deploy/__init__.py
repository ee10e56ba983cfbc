"""Deployment files; deploy.lock_store is loaded by endpoints.production.yml."""
