// The media module's public face: what other modules and the composition root may use.

export { mediaErrorCatalogue, mediaErrors } from './media.errors.js'
export type { MediaService } from './media.service.js'
export { createMediaService } from './media.service.js'
export type { MediaTables } from './media.table.js'
export type { Photo } from './photo.js'
export { photoUrl, scaledHeight, widthFor } from './photo.js'
export { Figure, Picture } from './photo.view.js'
export { renderShareCard, SHARE_CARD } from './share-card.js'
export type { SiteIcons } from './site-icons.js'
