"""SQLAlchemy tables of the catalogue; the same schema on SQLite and PostgreSQL."""

from sqlalchemy import JSON, Boolean, Column, Date, Integer, String, Text

from bot.database import Base


class ProvisionRow(Base):
    __tablename__ = "provisions"

    code = Column(String(64), primary_key=True)
    name = Column(String(200), nullable=False)
    kind = Column(String(16), nullable=False, index=True)
    summary = Column(Text, nullable=False)
    for_whom = Column(Text, nullable=False)
    conditions = Column(JSON, nullable=False)
    exclusions = Column(JSON, nullable=False)
    pgb = Column(Boolean, nullable=False)
    contribution = Column(String(32), nullable=False)
    how_to_apply = Column(Text, nullable=False)
    terms = Column(JSON, nullable=False)
    sources = Column(JSON, nullable=False)
    checked = Column(Date, nullable=False)


class ContributionRateRow(Base):
    __tablename__ = "contribution_rates"

    year = Column(Integer, primary_key=True)
    # Stored as the exact decimal string: SQLite has no lossless decimal type.
    amount = Column(String(12), nullable=False)
    period = Column(String(16), nullable=False)
    verified = Column(Boolean, nullable=False)
    source = Column(Text, nullable=False)
    checked = Column(Date, nullable=False)


class SourcedTextRow(Base):
    """One line of a sourced list, such as the exclusion grounds or the contribution exemptions."""

    __tablename__ = "sourced_texts"

    list_name = Column(String(64), primary_key=True)
    position = Column(Integer, primary_key=True)
    text = Column(Text, nullable=False)
    source = Column(Text, nullable=False)
    checked = Column(Date, nullable=False)
