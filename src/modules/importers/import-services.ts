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
import type { Redirects } from './redirects/redirects.service.js'

export interface ImportServices {
  /** The importers' own table: which item of which source became which of ours. */
  db: Kysely<ImportersTables>
  clock: Clock
  sections: Pick<ArticlesStore, 'findOrCreateSection' | 'firstSectionId' | 'sectionIdBySlug'>
  /** What only an import sets on an article: its old 수정 time, its 관련기사. */
  articles: Pick<ArticlesStore, 'stampModified' | 'setRelated' | 'statusOf'>
  staff: Pick<StaffService, 'createAccount' | 'findIdByEmail' | 'findIdByName'>
  media: Pick<MediaService, 'storePhoto' | 'findIdByKey'>
  desk: Pick<DeskService, 'createDraft' | 'publishArticle' | 'scheduleArticle'>
  comments: Pick<CommentsService, 'importComment' | 'closeCommentsOn'>
  pages: Pick<PagesService, 'findPage' | 'savePage'>
  /** The home page's pinned headlines (sticky posts lead the home page). */
  home: { pinHeadline(articleId: number): Promise<boolean> }
  /** The module's own redirect table, filled with every old address an import knows. */
  redirects: Redirects
}
