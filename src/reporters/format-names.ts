// The `--format` names on their own: the CLI's wiring lists them without loading the reporters.

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;

export type Format = (typeof FORMAT_NAMES)[number];
