"""Settings whose fields name env variables through an env_prefix (pydantic-settings): the prefix, then the field."""
from pydantic import BaseSettings as V1BaseSettings, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SupabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUPABASE_", env_file=".env")

    url: str
    publishable_key: str
    secret_key: str
    jwt_secret: str | None = None
    # An alias names the variable itself: the prefix does not apply to it.
    admin_key: str = Field(alias="SUPABASE_ADMIN_KEY")


class LegacySettings(V1BaseSettings):
    """pydantic v1: the prefix is set in an inner Config class, in lower case (names are case-insensitive)."""

    publishable_key: str
    secret_key: str = ""

    class Config:
        env_prefix = 'supabase_'


class StripeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STRIPE_")

    secret_key: str


settings = SupabaseSettings()
legacy = LegacySettings()


def admin_headers() -> dict[str, str]:
    return {"apikey": settings.secret_key}


def public_headers() -> dict[str, str]:
    return {"apikey": settings.publishable_key, "x-legacy": legacy.publishable_key or legacy.secret_key}
