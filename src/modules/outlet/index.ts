// The outlet module's public face: what other modules and the composition root may use.

export type { OutletSettings } from './outlet.schema.js'
export type { OutletService, StoredSetting } from './outlet.service.js'
export { createOutletService } from './outlet.service.js'
export type { OutletTables } from './outlet.table.js'
