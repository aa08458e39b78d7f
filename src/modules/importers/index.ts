// The importers module's public face: moving an archive in from WordPress or an RSS feed, through
// the other modules' services (ImportServices), remembering what came from where.
export { ImportUsageError, type OpenImportTarget, runImport } from './import-command.js'
export type { ImportServices } from './import-services.js'
export type { ImportersTables } from './import-sources.js'
export { importNdsoft, type NdsoftSummary } from './ndsoft/ndsoft-import.js'
export { directorySiteReader, httpSiteReader, type SiteReader } from './ndsoft/site-reader.js'
export {
  type PressReleaseDraft,
  PressReleaseError,
  type PressReleaseProblem,
  pressReleaseDraft,
} from './press-release/press-release.js'
export { oldAddressKey } from './redirects/old-address.js'
export { redirectsPlugin } from './redirects/redirects.plugin.js'
export { createRedirects, type Redirects } from './redirects/redirects.service.js'
export {
  addressesIn,
  type CheckReport,
  checkAddresses,
  checkReportLines,
} from './redirects/redirects-check.js'
export { importRss, type RssImportSummary } from './rss/rss-import.js'
export { type ImportSummary, importWordpress } from './wordpress/wordpress-import.js'
