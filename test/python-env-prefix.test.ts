// pydantic-settings fields read `<env_prefix><FIELD>` (issue 18, item 4): with env_prefix="SUPABASE_", the field
// `service_role_key` reads SUPABASE_SERVICE_ROLE_KEY, so renaming the env file alone left the app reading a variable
// nobody sets (exit 0, no finding). The field moves with the variable, at its every use in the file; the file is
// found by the prefilter although it holds no legacy name in full.
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
  ],
});
