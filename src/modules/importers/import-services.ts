// What an import writes through: the other modules' services, never their tables. The
// composition root builds this from the app (src/app.ts, `services.importing`).
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import type { ArticlesStore } from '../articles/index.js'
import type { CommentsService } from '../comments/index.js'
import type { MediaService } from '../media/index.js'
import type { DeskService } from '../newsroom/index.js'
import type { PagesService } from '../pages/index.js'
import type { StaffService } from '../staff/index.js'
import type { ImportersTables } from './import-sources.js'

export interface ImportServices {
  /** The importers' own table: which item of which source became which of ours. */
  db: Kysely<ImportersTables>
  clock: Clock
  sections: Pick<ArticlesStore, 'findOrCreateSection' | 'firstSectionId' | 'sectionIdBySlug'>
  staff: Pick<StaffService, 'createAccount' | 'findIdByEmail' | 'findIdByName'>
  media: Pick<MediaService, 'storePhoto' | 'findIdByKey'>
  desk: Pick<DeskService, 'createDraft' | 'publishArticle'>
  comments: Pick<CommentsService, 'importComment'>
  pages: Pick<PagesService, 'findPage' | 'savePage'>
}
