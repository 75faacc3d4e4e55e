/** A cell as an adapter read it: its value as a spreadsheet last computed and saved it. */
export type CellRead = string | number | boolean | null;

/** Reads a cell by its A1 address on the laid-out sheet. */
export type CellReader = (address: string) => CellRead;

/** A cell's number format code as saved ("General", "0.0%", ";;;"): how it shows its value. */
export type FormatReader = (address: string) => string;

/** A cell to write: a constant (null clears it). */
export interface CellWrite {
  address: string;
  value: string | number | null;
}

/** A data-validation rule as a spreadsheet saved it. */
export interface SheetValidation {
  type: string;
  operator: string;
  /** The ranges it covers, space-separated (`G8:G20 G22:G101`). */
  sqref: string;
  /** Formulas as saved, relative to the top-left cell of the first range. */
  formula1: string;
  formula2: string;
  /** Whether a value breaking the rule is refused (error style "stop", error alert shown). */
  refuses: boolean;
}
