/** The tables this module owns, merged into the Database type. */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the module's tables are written
export interface AlertsModuleTables {}
