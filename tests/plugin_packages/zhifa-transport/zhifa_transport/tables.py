"""The transport field's own table: the roads a township patrols. It links to core tables only."""

from piccolo.columns import ForeignKey, Numeric, Varchar
from piccolo.table import Table
from zhifa.core.db.tables import Township


class Road(Table, tablename="transport_road"):
    township = ForeignKey(Township)
    name = Varchar(length=100)
    length_km = Numeric(digits=(8, 2))
