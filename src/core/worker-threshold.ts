// The size from which scan workers start, on its own: the CLI's help shows it without loading the scanner.

/** Repositories with fewer files than this are scanned on the main thread alone. */
export const WORKER_MIN_FILES = 2000;
