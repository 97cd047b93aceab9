// A place beyond the repository that holds a key and must be updated by hand (SPEC §6 `outside`).
export interface OutsideReference {
  kind: string;
  name: string;
  newName?: string;
  file: string;
  line: number;
  action: string;
  /** Where, for a person, as the action starts with it (`Vercel (Project → Settings → Environment Variables)`): steps are grouped by it. */
  place?: string;
  /** The CLI command that does it, where one exists; a placeholder (`<publishable key>`) stands for any value. */
  command?: string;
  /** Recorded as done in the configuration's `outsideDone` (`<kind>:<name>`). */
  done?: boolean;
}
