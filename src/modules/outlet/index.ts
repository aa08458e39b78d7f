// The outlet module's public face: what other modules and the composition root may use.

export type { AdFill, AdSlotName, AdSlots, Integrations } from './integrations.schema.js'
export {
  AD_SLOTS,
  AdFill as AdFillSchema,
  ID_SHAPES,
  Integrations as IntegrationsSchema,
} from './integrations.schema.js'
export { legalGuard } from './legal-guard.js'
export type { OutletFieldProblem, OutletFormField, OutletFormResult } from './outlet.form.js'
export { checkOutletForm, OUTLET_FORM_FIELDS, parseRegistrationDate } from './outlet.form.js'
export type { OutletSettings } from './outlet.schema.js'
export { LEGAL_FOOTER_FIELDS } from './outlet.schema.js'
export type { OutletService, StoredSetting } from './outlet.service.js'
export { createOutletService } from './outlet.service.js'
export type { OutletTables } from './outlet.table.js'
export type { SetupField, SetupInput, SetupProblem, SetupResult, SetupService } from './setup.service.js'
export { createSetupService } from './setup.service.js'
