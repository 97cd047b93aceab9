// pydantic-settings fields read `<env_prefix><FIELD>` (issue 18, item 4): with env_prefix="SUPABASE_", the field
// `service_role_key` reads SUPABASE_SERVICE_ROLE_KEY, so renaming the env file alone left the app reading a variable
// nobody sets (exit 0, no finding). The field moves with the variable, at its every use in the file; the file is
// found by the prefilter although it holds no legacy name in full.
// Across modules (issue 18, item 4, follow-up): a field renamed in its own file only left `settings.service_role_key`
// in the other modules, an AttributeError at run time. A module that imports the settings module has its uses
// renamed too; a use in a module that does not keeps the field as it is, with a finding that says what to rename.
import { ruleTester } from './helpers/rule-tester.js';

const CONFIG =
  'from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n' +
  'class Settings(BaseSettings):\n' +
  '    model_config = SettingsConfigDict(env_prefix="SUPABASE_")\n\n' +
  '    url: str\n' +
  '    service_role_key: str\n\n\n' +
  'settings = Settings()\n' +
  'admin = create_client(settings.url, settings.service_role_key)\n';

ruleTester('legacy-env-name', {
  valid: [
    {
      name: 'a prefix that makes no legacy name, and fields without a prefix, are left as they are',
      files: {
        '.env.example': 'SUPABASE_URL=\nSUPABASE_SECRET_KEY=\n',
        'app/config.py':
          'from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n' +
          'class Stripe(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="STRIPE_")\n\n    service_role_key: str\n\n\n' +
          'class Plain(BaseSettings):\n    anon_key: str\n',
      },
    },
    {
      name: 'a class that declares the new field beside the legacy one reads both already: kept',
      files: {
        'app/config.py':
          'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="SUPABASE_")\n\n' +
          '    secret_key: str | None = None\n    service_role_key: str | None = None\n\n\nkey = Settings().service_role_key\n',
      },
    },
    {
      name: 'a field name another class keeps is left everywhere: its uses could be either class’s',
      files: {
        'app/config.py':
          'class Supabase(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="SUPABASE_")\n\n    anon_key: str\n\n\n' +
          'class Other(BaseSettings):\n    anon_key: str\n\n\nkey = Other().anon_key\n',
      },
    },
    {
      name: 'a module that imports the settings module and reads no prefixed field is left as it is',
      files: { 'app/config.py': CONFIG.replace('service_role_key', 'url2'), 'app/other.py': 'from app.config import settings\n\nprint(settings.url)\n' },
    },
  ],
  invalid: [
    {
      name: 'the env file and the prefixed field move together',
      files: { '.env.example': 'SUPABASE_URL=\nSUPABASE_SERVICE_ROLE_KEY=\n', 'app/config.py': CONFIG },
      findings: [
        { file: '.env.example', line: 2, column: 1, messageIncludes: 'SUPABASE_SECRET_KEY', fixable: true },
        { file: 'app/config.py', line: 8, column: 5, messageIncludes: 'secret_key', fixable: true },
        { file: 'app/config.py', line: 12, column: 46, messageIncludes: 'secret_key', fixable: true },
      ],
      output: {
        '.env.example': 'SUPABASE_URL=\nSUPABASE_SECRET_KEY=\n',
        'app/config.py': CONFIG.replace('    service_role_key: str', '    secret_key: str').replace('settings.service_role_key', 'settings.secret_key'),
      },
    },
    {
      name: 'the uses in modules that import the settings module move with the field (absolute, relative, a module import)',
      files: {
        '.env.example': 'SUPABASE_URL=\nSUPABASE_SERVICE_ROLE_KEY=\n',
        'app/config.py': CONFIG,
        'app/clients.py': 'from supabase import create_client\n\nfrom app.config import settings\n\nadmin = create_client(settings.url, settings.service_role_key)\n',
        'app/jobs/run.py': 'from ..config import Settings\n\n\ndef key() -> str:\n    return Settings().service_role_key\n',
        'app/api.py': 'import app.config as cfg\n\nheaders = {"apikey": cfg.settings.service_role_key}\n',
      },
      findings: [
        { file: '.env.example', line: 2, column: 1, messageIncludes: 'SUPABASE_SECRET_KEY', fixable: true },
        { file: 'app/api.py', line: 3, column: 35, messageIncludes: 'secret_key', fixable: true },
        { file: 'app/clients.py', line: 5, column: 46, messageIncludes: 'secret_key', fixable: true },
        { file: 'app/config.py', line: 8, column: 5, messageIncludes: 'secret_key', fixable: true },
        { file: 'app/config.py', line: 12, column: 46, messageIncludes: 'secret_key', fixable: true },
        { file: 'app/jobs/run.py', line: 5, column: 23, messageIncludes: 'secret_key', fixable: true },
      ],
      output: {
        '.env.example': 'SUPABASE_URL=\nSUPABASE_SECRET_KEY=\n',
        'app/config.py': CONFIG.replace('    service_role_key: str', '    secret_key: str').replace('settings.service_role_key', 'settings.secret_key'),
        'app/clients.py': 'from supabase import create_client\n\nfrom app.config import settings\n\nadmin = create_client(settings.url, settings.secret_key)\n',
        'app/jobs/run.py': 'from ..config import Settings\n\n\ndef key() -> str:\n    return Settings().secret_key\n',
        'app/api.py': 'import app.config as cfg\n\nheaders = {"apikey": cfg.settings.secret_key}\n',
      },
    },
    {
      name: 'a use in a module that does not import the settings module keeps the field everywhere, with what to rename by hand',
      files: {
        'app/config.py': CONFIG,
        'app/clients.py': 'from app.config import settings\n\nkey = settings.service_role_key\n',
        'app/worker.py': 'def run(settings):\n    return settings.service_role_key\n',
      },
      findings: [
        { file: 'app/config.py', line: 8, column: 5, messageIncludes: 'app/worker.py:2', fixable: false },
        { file: 'app/config.py', line: 12, column: 46, messageIncludes: 'by hand', fixable: false },
      ],
    },
    {
      name: 'a field name another module declares in a class of its own keeps the field everywhere, with a finding',
      files: {
        'app/config.py': CONFIG,
        'app/admin.py': 'from app.config import settings\n\n\nclass Admin:\n    service_role_key: str\n\n\nkey = Admin().service_role_key\n',
      },
      findings: [
        { file: 'app/config.py', line: 8, column: 5, messageIncludes: 'app/admin.py:5', fixable: false },
        { file: 'app/config.py', line: 12, column: 46, messageIncludes: 'secret_key', fixable: false },
      ],
    },
    {
      name: 'a class with service_key and service_role_key gets one secret_key: the alias keeps its name, with a finding',
      files: {
        'app/config.py':
          'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="SUPABASE_")\n\n' +
          '    service_key: str | None = None\n    service_role_key: str | None = None\n\n\nkey = Settings().service_key or Settings().service_role_key\n',
      },
      findings: [
        { line: 4, column: 5, messageIncludes: 'service_role_key', fixable: false },
        { line: 5, column: 5, messageIncludes: 'secret_key', fixable: true },
        { line: 8, column: 18, messageIncludes: 'merge', fixable: false },
        { line: 8, column: 44, messageIncludes: 'secret_key', fixable: true },
      ],
      output: {
        'app/config.py':
          'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="SUPABASE_")\n\n' +
          '    service_key: str | None = None\n    secret_key: str | None = None\n\n\nkey = Settings().service_key or Settings().secret_key\n',
      },
    },
  ],
});
