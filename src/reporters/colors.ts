// Terminal colours, switched off by --no-color, NO_COLOR or a stream that is not a terminal.
import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

export function colorsFor(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}
