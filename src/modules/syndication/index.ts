// The syndication module's public face: what other modules and the composition root may use.

export { syndicationRoutes } from './syndication.routes.js'
