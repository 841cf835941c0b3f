"""Field catalogues as data: decode TOML into msgspec structs and validate them."""

from zhifa.core.catalogue.errors import CatalogueInvalid, PluginError, Problem
from zhifa.core.catalogue.loader import load_catalogue
from zhifa.core.catalogue.model import Catalogue

__all__ = ["Catalogue", "CatalogueInvalid", "PluginError", "Problem", "load_catalogue"]
