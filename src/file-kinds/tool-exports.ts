// Files other tools export and import, recognised by name and content (issue 23): API collections (Postman, Insomnia's JSON
// export) and automation workflows (n8n); and the code a tool generates into the repository (FlutterFlow). Bruno's `.bru`
// files are not among them: Bruno reads them from the repository, so they are renamed like any text people edit. The
// exports' keys and names are reported, never edited: the tool owns the file, and a change made here is lost at the next
// export; the finding says where in the tool to make it.

export interface ToolExport {
  /** What the file is, as a person would say it: `a Postman collection`. */
  what: string;
  /** Where the change is made, so that the next export carries it. */
  where: string;
}

const POSTMAN_ENVIRONMENT = /"_postman_variable_scope"\s*:/;
const POSTMAN_COLLECTION = /schema\.getpostman\.com|"_postman_id"\s*:/;
const INSOMNIA = /"__export_format"\s*:/;
const N8N_NODES = /"n8n-nodes-base\.|"@n8n\//;

/** The tool whose JSON export a file is; undefined for any other file. */
export function toolExportOf(path: string, text: string): ToolExport | undefined {
  if (!path.endsWith('.json')) return undefined;
  if (POSTMAN_ENVIRONMENT.test(text)) return { what: 'a Postman environment', where: 'in Postman (Environments), then export it again' };
  if (POSTMAN_COLLECTION.test(text)) return { what: 'a Postman collection', where: 'in Postman (the collection, its variables and auth), then export it again' };
  if (INSOMNIA.test(text)) return { what: 'an Insomnia export', where: 'in Insomnia (the environment or the request), then export it again' };
  if (N8N_NODES.test(text) && /"nodes"\s*:/.test(text) && /"connections"\s*:/.test(text)) {
    return { what: 'an n8n workflow', where: 'in n8n (the node, its credential or the server\'s environment), then export the workflow again' };
  }
  return undefined;
}

// FlutterFlow's generated Supabase setup (`lib/backend/supabase/supabase.dart`): `class SupaFlow`, with the URL and key it
// takes from Settings & Integrations → Supabase written in as constants.
const FLUTTERFLOW_SETUP = /\bclass SupaFlow\b/;

/** The tool that generates a source file and overwrites it on its next push; undefined for any other file. */
export function generatorOf(path: string, text: string): ToolExport | undefined {
  if (path.endsWith('.dart') && FLUTTERFLOW_SETUP.test(text)) {
    return { what: "FlutterFlow's generated Supabase setup", where: 'in FlutterFlow (Settings & Integrations → Supabase), then push or download the code again' };
  }
  return undefined;
}
