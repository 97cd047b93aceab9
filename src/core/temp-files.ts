// The temp files the writer makes beside a file it replaces: named here so that discovery never reads one.

/** `.<name>.migrate-keys-<pid>-<8 hex>.tmp`: the temp file `writeAtomic` writes beside `<name>`. */
export const TEMP_FILE = /^\..+\.migrate-keys-(\d+)-[0-9a-f]{8}\.tmp$/;
