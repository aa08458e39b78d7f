export interface SettingsTable {
  key: string
  /** JSON */
  value: string
}

/** The tables this module owns; its repositories see no others. */
export interface OutletTables {
  settings: SettingsTable
}
