/**
 * The matrix a new engagement starts from: DESIGN.md §2's catalogue of functions and scenarios,
 * and no cells, because nothing is owned until both parties say who owns it.
 */
import { type Matrix, STARTING_FUNCTIONS, STARTING_SCENARIOS } from './matrix.ts';

export function emptyMatrix(): Matrix {
  return { functions: [...STARTING_FUNCTIONS], scenarios: [...STARTING_SCENARIOS], cells: [] };
}
