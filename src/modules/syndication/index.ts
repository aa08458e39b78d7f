// The syndication module's public face: what other modules and the composition root may use.

export type { FetchPublic, PortalCheck, PortalCheckStatus } from './portal-check.js'
export { checkAsPortal } from './portal-check.js'
export { portalCheckMessages } from './portal-check.messages.js'
export { syndicationRoutes } from './syndication.routes.js'
