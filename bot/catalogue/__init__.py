"""The provision catalogue: schema, validated loader, database tables, read-only repository, the
compound-aware matcher of provision names, and the plain-Dutch answers composed from it."""

from bot.catalogue.models import ContributionRate, Provision, ProvisionKind
from bot.catalogue.repository import Catalogue

__all__ = ["Catalogue", "ContributionRate", "Provision", "ProvisionKind"]
