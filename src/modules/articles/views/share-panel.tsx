// The share panel under the headline (이 기사를 공유합니다). Facebook, X and Naver Band are
// plain links and work without JavaScript. KakaoTalk, copy link, print and A−/A+ need a script,
// so they are sent inside <template> elements and exist only once article.ts puts them in
// place: a reader without JavaScript never meets a button that does nothing.
import { messages as m } from '../../../platform/i18n/messages.js'

/**
 * A query value with only what would break the query escaped. Hangul stays as it is (browsers
 * encode it when the link is followed): the headline is then the same bytes as in the <title>,
 * which compression shares, instead of 9 characters of %XX per syllable.
 */
const queryValue = (text: string) => text.replace(/[\s%&#+=?"'<>\\]/g, (c) => encodeURIComponent(c))

export function SharePanel(props: { kakaoKey: string | null; url: string; title: string }) {
  const u = encodeURIComponent(props.url)
  const t = queryValue(props.title)
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="visually-hidden">
        {m.article.sharePanel}
      </h2>
      <ul class="share-links">
        <template class="enhancement">
          <li>
            <button
              type="button"
              class="share-icon share-kakao"
              data-kakao-key={props.kakaoKey ?? ''}
              aria-label={m.article.shareKakao}
            >
              <KakaoIcon />
            </button>
          </li>
        </template>
        <li>
          <a
            class="share-icon share-facebook"
            href={`https://www.facebook.com/sharer/sharer.php?u=${u}`}
            target="_blank"
            rel="noopener"
          >
            <span aria-hidden="true">f</span>
            <span class="visually-hidden">{m.article.shareFacebook}</span>
          </a>
        </li>
        <li>
          <a
            class="share-icon share-x"
            href={`https://twitter.com/intent/tweet?url=${u}&text=${t}`}
            target="_blank"
            rel="noopener"
          >
            <span aria-hidden="true">X</span>
            <span class="visually-hidden">{m.article.shareX}</span>
          </a>
        </li>
        <li>
          <a
            class="share-icon share-band"
            href={`https://band.us/plugin/share?body=${queryValue(`${props.title}\n${props.url}`)}&route=${u}`}
            target="_blank"
            rel="noopener"
          >
            <span aria-hidden="true">b</span>
            <span class="visually-hidden">{m.article.shareBand}</span>
          </a>
        </li>
        <template class="enhancement">
          <li>
            <button type="button" class="share-icon share-copy" aria-label={m.article.copyLink}>
              <LinkIcon />
            </button>
          </li>
        </template>
      </ul>
      <template class="enhancement">
        <div class="article-tools">
          <button type="button" class="tool-print">
            {m.article.print}
          </button>
          <fieldset class="font-size">
            <legend class="visually-hidden">{m.article.fontSize}</legend>
            {/* The name starts with the visible text, so voice control users can say "A−" (WCAG 2.5.3). */}
            <button type="button" class="font-smaller" aria-label={`A− ${m.article.fontSmaller}`}>
              A−
            </button>
            <button type="button" class="font-larger" aria-label={`A+ ${m.article.fontLarger}`}>
              A+
            </button>
          </fieldset>
        </div>
      </template>
      <p class="share-status" role="status" aria-live="polite" />
    </section>
  )
}

/** KakaoTalk's speech bubble, drawn here rather than taken from Kakao's brand files. */
const KakaoIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
    <path d="M12 4C6.8 4 3 7.1 3 10.9c0 2.4 1.6 4.5 4 5.7l-.9 3.4 4-2.6c.6.1 1.2.1 1.9.1 5.2 0 9-3.1 9-6.9S17.2 4 12 4z" />
  </svg>
)

const LinkIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="22"
    height="22"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2.2"
    stroke-linecap="round"
  >
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
  </svg>
)
