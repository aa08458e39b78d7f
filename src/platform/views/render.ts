import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

/** A full HTML document from a page component; Preact escapes every text and attribute. */
export const renderPage = (page: VNode) => `<!doctype html>${renderToString(page)}`
