"""The provision catalogue: schema, validated YAML loader and read-only repository."""
from bot.catalogue.models import ContributionRate, Provision
from bot.catalogue.repository import Catalogue

__all__ = ["Catalogue", "ContributionRate", "Provision"]
