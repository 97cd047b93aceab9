import 'package:flutter_dotenv/flutter_dotenv.dart';

/// Where the app finds its Supabase settings: --dart-define at build time, else .env.
class Env {
  static const _anonKeyDefine = String.fromEnvironment('SUPABASE_ANON_KEY');
  static const _urlDefine = String.fromEnvironment("SUPABASE_URL");

  static String get supabaseUrl =>
      _urlDefine.isNotEmpty ? _urlDefine : dotenv.env['SUPABASE_URL']!;

  static String get supabaseAnonKey => _anonKeyDefine.isNotEmpty
      ? _anonKeyDefine
      : dotenv.env['SUPABASE_ANON_KEY'] ?? (throw StateError('SUPABASE_ANON_KEY is missing'));

  static String? get keyLabel => dotenv.maybeGet("SUPABASE_ANON_KEY_LABEL"); // another name
}
