/** A cell as an adapter read it: its value as a spreadsheet last computed and saved it. */
export type CellRead = string | number | boolean | null;

/** Reads a cell by its A1 address on the laid-out sheet. */
export type CellReader = (address: string) => CellRead;

/** A cell to write: a constant (null clears it). */
export interface CellWrite {
  address: string;
  value: string | number | null;
}
