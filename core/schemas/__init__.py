"""msgspec structs that cross a boundary (services ↔ API/CLI): Create / Read shapes per resource."""
