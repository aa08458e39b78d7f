// What every page's frame (header, menu, footer) needs, loaded once per request.
import type { SectionRef } from '../../modules/articles/article-views.js'
import type { OutletSettings } from '../../modules/outlet/outlet.schema.js'

export interface SiteContext {
  outlet: OutletSettings
  sections: SectionRef[]
  publicUrl: string
  /** Hashed asset URLs, so they can be cached for a year. */
  assets: { css: string; articleJs: string; siteJs: string; fontCss: string; commentsJs?: string }
  kakaoJsKey: string | null
  /** Today's date in Korea time, printed in the header as Korean outlets do. */
  today: string
}
