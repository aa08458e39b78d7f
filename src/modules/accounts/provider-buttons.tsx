// The login buttons, each in its provider's own button design: Kakao's yellow (#FEE500) with
// the black speech-bubble symbol and "카카오 로그인"; Naver's green (#03C75A) with the white N
// and "네이버 로그인"; Google's white button with a grey outline, the four-colour G and "Google
// 계정으로 로그인". The providers' guides ask for their colours, symbol and words unchanged,
// so these are not restyled with the site; the symbols are drawn here as simple SVG shapes.
import type { ComponentChildren } from 'preact'

export interface ProviderChoice {
  id: string
  label: string
}

function KakaoSymbol() {
  return (
    <svg
      class="provider-symbol"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="#000"
        d="M12 3.5c-5 0-9 3.1-9 7 0 2.5 1.7 4.7 4.2 5.9l-1 3.7c-.1.3.3.6.6.4l4.3-2.9c.3 0 .6.1.9.1 5 0 9-3.1 9-7s-4-7.2-9-7.2z"
      />
    </svg>
  )
}

function NaverSymbol() {
  return (
    <svg
      class="provider-symbol"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="#fff" d="M4 4h5.3l5.4 7.8V4H20v16h-5.3l-5.4-7.8V20H4z" />
    </svg>
  )
}

function GoogleSymbol() {
  return (
    <svg
      class="provider-symbol"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="#4285F4"
        d="M21.6 12.2c0-.7-.1-1.4-.2-2H12v3.8h5.4a4.6 4.6 0 0 1-2 3v2.5h3.2c1.9-1.7 3-4.3 3-7.3z"
      />
      <path
        fill="#34A853"
        d="M12 22c2.7 0 5-.9 6.6-2.4l-3.2-2.5c-.9.6-2 1-3.4 1-2.6 0-4.8-1.8-5.6-4.1H3.1v2.6A10 10 0 0 0 12 22z"
      />
      <path fill="#FBBC05" d="M6.4 14c-.2-.6-.3-1.3-.3-2s.1-1.4.3-2V7.4H3.1a10 10 0 0 0 0 9.2z" />
      <path
        fill="#EA4335"
        d="M12 6c1.5 0 2.8.5 3.8 1.5l2.9-2.9A9.7 9.7 0 0 0 12 2a10 10 0 0 0-8.9 5.4L6.4 10C7.2 7.7 9.4 6 12 6z"
      />
    </svg>
  )
}

const SYMBOLS: Record<string, () => ComponentChildren> = {
  kakao: KakaoSymbol,
  naver: NaverSymbol,
  google: GoogleSymbol,
}

/** One list item per provider; `href` gives each button its address. */
export function ProviderButtons(props: {
  providers: readonly ProviderChoice[]
  href: (id: string) => string
}) {
  return (
    <>
      {props.providers.map((p) => {
        const Logo = SYMBOLS[p.id]
        return (
          <li>
            <a class={`provider provider-${p.id}`} href={props.href(p.id)}>
              {Logo && <Logo />}
              <span class="provider-label">{p.label}</span>
            </a>
          </li>
        )
      })}
    </>
  )
}
