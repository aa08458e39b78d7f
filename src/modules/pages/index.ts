// The pages module's public face: what other modules and the composition root may use.

export { legalPageTemplates } from './legal-templates.js'
export { documentToText, textToDocument } from './page-text.js'
export { pagesRoutes } from './pages.routes.js'
export type { PagesService } from './pages.service.js'
export { createPagesService } from './pages.service.js'
export type { PagesTables } from './pages.table.js'
