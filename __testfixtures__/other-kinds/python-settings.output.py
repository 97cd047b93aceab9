"""Settings for the API, read from the environment (and .env in development)."""
import os

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    supabase_url: str
    # Read from SUPABASE_PUBLISHABLE_KEY.
    supabase_publishable_key: str
    supabase_secret_key: str = Field(alias="SUPABASE_SECRET_KEY")
    supabase_anon_key_ttl: int = 3600  # another name: SUPABASE_ANON_KEY_TTL


settings = Settings()

# Scripts that run without pydantic read the environment directly.
SERVICE_ROLE_KEY = os.environ["SUPABASE_SECRET_KEY"]
ANON_KEY = os.getenv("SUPABASE_PUBLISHABLE_KEY", "")
PUBLIC_ANON_KEY = os.environ.get('NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY')
MISSING = [name for name in ("SUPABASE_URL", "SUPABASE_PUBLISHABLE_KEY") if name not in os.environ]


def anon_headers() -> dict[str, str]:
    return {"apikey": settings.supabase_publishable_key}


def admin_headers() -> dict[str, str]:
    return {"apikey": settings.supabase_secret_key}
