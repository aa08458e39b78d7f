// Every table of the database, assembled from the tables each module owns. Only the
// composition root and tests see this whole; a module's repositories are typed with its own
// tables alone, so a query that names another module's table does not compile.
import type { AccountsTables } from './modules/accounts/index.js'
import type { ArticlesTables } from './modules/articles/index.js'
import type { CommentsTables } from './modules/comments/index.js'
import type { ImportersTables } from './modules/importers/index.js'
import type { InboxTables } from './modules/inbox/index.js'
import type { MediaTables } from './modules/media/index.js'
import type { NewsroomTables } from './modules/newsroom/index.js'
import type { OutletTables } from './modules/outlet/index.js'
import type { PagesTables } from './modules/pages/index.js'
import type { SearchTables } from './modules/search/index.js'
import type { StaffTables } from './modules/staff/index.js'
import type { PlatformTables } from './platform/sessions/sessions.table.js'

export interface Database
  extends PlatformTables,
    OutletTables,
    ArticlesTables,
    MediaTables,
    StaffTables,
    PagesTables,
    AccountsTables,
    CommentsTables,
    NewsroomTables,
    ImportersTables,
    SearchTables,
    InboxTables {}
