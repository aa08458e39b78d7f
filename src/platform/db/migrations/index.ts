// Every migration, in order. Listed statically so the same code runs from src/ and dist/.
import type { Migration } from 'kysely'
import * as createContent from './2026_11_29_1000_create_content.js'
import * as createComments from './2026_11_29_1010_create_comments.js'
import * as createSessions from './2026_11_29_1020_create_sessions.js'
import * as createSearchIndex from './2026_11_29_1400_create_search_index.js'
import * as createCommentModeration from './2026_11_29_1500_create_comment_moderation.js'
import * as createNewsroom from './2026_11_29_1600_create_newsroom.js'
import * as addArticleDeskNote from './2026_11_29_1610_add_article_desk_note.js'
import * as createImportSources from './2026_11_29_1700_create_import_sources.js'
import * as createRedirects from './2026_12_06_1000_create_redirects.js'
import * as extendTipsForInbox from './2026_12_06_1000_extend_tips_for_inbox.js'
import * as goingLive from './2026_12_06_1000_going_live.js'
import * as createArticleSections from './2026_12_06_1010_create_article_sections.js'
import * as addCommentStaffAuthor from './2026_12_06_1020_add_comment_staff_author.js'
import * as createArticleViewSources from './2026_12_06_1100_create_article_view_sources.js'
import * as commentClientKeysAndOneVote from './2026_12_06_1300_comment_client_keys_and_one_vote.js'
import * as addSearchNameFields from './2026_12_06_1800_add_search_name_fields.js'
import * as emptySearchIndex from './2026_12_06_1801_empty_search_index.js'
import * as createSearchAliases from './2026_12_06_1810_create_search_aliases.js'
import * as tipClientKeys from './2026_12_07_1300_tip_client_keys.js'
import * as newsroomListFilters from './2026_12_07_1400_newsroom_list_filters.js'
import * as addPhotoFocalPoint from './2026_12_07_1401_add_photo_focal_point.js'
import * as addArticleSponsored from './2026_12_07_1650_add_article_sponsored.js'
import * as partitionSearchDocuments from './2026_12_07_1800_partition_search_documents.js'

export const migrations: Record<string, Migration> = {
  '2026_11_29_1000_create_content': createContent,
  '2026_11_29_1010_create_comments': createComments,
  '2026_11_29_1020_create_sessions': createSessions,
  '2026_11_29_1400_create_search_index': createSearchIndex,
  '2026_11_29_1500_create_comment_moderation': createCommentModeration,
  '2026_11_29_1600_create_newsroom': createNewsroom,
  '2026_11_29_1610_add_article_desk_note': addArticleDeskNote,
  '2026_11_29_1700_create_import_sources': createImportSources,
  '2026_12_06_1000_create_redirects': createRedirects,
  '2026_12_06_1000_extend_tips_for_inbox': extendTipsForInbox,
  '2026_12_06_1000_going_live': goingLive,
  '2026_12_06_1010_create_article_sections': createArticleSections,
  '2026_12_06_1020_add_comment_staff_author': addCommentStaffAuthor,
  '2026_12_06_1100_create_article_view_sources': createArticleViewSources,
  '2026_12_06_1300_comment_client_keys_and_one_vote': commentClientKeysAndOneVote,
  '2026_12_06_1800_add_search_name_fields': addSearchNameFields,
  '2026_12_06_1801_empty_search_index': emptySearchIndex,
  '2026_12_06_1810_create_search_aliases': createSearchAliases,
  '2026_12_07_1300_tip_client_keys': tipClientKeys,
  '2026_12_07_1400_newsroom_list_filters': newsroomListFilters,
  '2026_12_07_1401_add_photo_focal_point': addPhotoFocalPoint,
  '2026_12_07_1650_add_article_sponsored': addArticleSponsored,
  '2026_12_07_1800_partition_search_documents': partitionSearchDocuments,
}
