// A place beyond the repository that holds a key and must be updated by hand (SPEC §6 `outside`).
export interface OutsideReference {
  kind: string;
  name: string;
  newName?: string;
  file: string;
  line: number;
  action: string;
}
