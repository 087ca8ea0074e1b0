"""The review site: the written dataset beside its sources (`rapportdata review`)."""
