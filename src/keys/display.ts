// How API key values are shown: what they are, never what they hold.
import { classifyValue } from './values.js';

const LABELS: Readonly<Record<string, string>> = {
  publishable: 'sb_publishable_…[redacted]',
  secret: 'sb_secret_…[redacted]',
  'legacy-anon': 'eyJhbGci…[legacy anon JWT]',
  'legacy-service-role': 'eyJhbGci…[legacy service_role JWT]',
  'legacy-demo': 'eyJhbGci…[local CLI demo JWT]',
  jwt: 'eyJhbGci…[JWT]',
};

/** A masked stand-in for a key value; `(not revealed)` when the API sent none. */
export function maskedValue(value: string | null): string {
  if (value === null || value === '') return '(not revealed)';
  return LABELS[classifyValue(value)] ?? '…[hidden]';
}
