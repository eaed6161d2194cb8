from alembic import context
# configured from DATABASE_URL at runtime
