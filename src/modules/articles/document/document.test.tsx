import { renderToString } from 'preact-render-to-string'
import { describe, expect, test } from 'vitest'
import { ArticleDocument } from './document.schema.js'
import { documentText, summarize } from './document.text.js'
import { DocumentBody } from './document.view.js'

const render = (doc: unknown) =>
  renderToString(<DocumentBody doc={ArticleDocument.parse(doc)} photos={new Map()} />)

describe('article documents', () => {
  test('text a reporter typed is shown as text, never as markup', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "따옴표"' }] },
      ],
    })
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)> &amp; &quot;따옴표&quot;</p>')
  })

  test('links keep their text and open outside sites safely', () => {
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: '보도자료',
              marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }, { type: 'bold' }],
            },
          ],
        },
      ],
    })
    expect(html).toBe(
      '<p><strong><a href="https://example.com/a" rel="noopener nofollow" target="_blank">보도자료</a></strong></p>',
    )
  })

  test('a javascript: link or an unknown node is refused when saving', () => {
    const bad = (href: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    })
    expect(ArticleDocument.safeParse(bad('javascript:alert(1)')).success).toBe(false)
    expect(ArticleDocument.safeParse(bad('data:text/html,hi')).success).toBe(false)
    expect(ArticleDocument.safeParse({ type: 'doc', content: [{ type: 'script', text: 'x' }] }).success).toBe(
      false,
    )
  })

  test('headings, quotes, lists and YouTube embeds render as their HTML elements', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '소제목' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '인용' }] }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '하나' }] }] },
          ],
        },
        { type: 'youtube', attrs: { videoId: 'dQw4w9WgXcQ' } },
      ],
    })
    expect(html).toContain('<h2>소제목</h2>')
    expect(html).toContain('<blockquote><p>인용</p></blockquote>')
    expect(html).toContain('<ul><li>하나</li></ul>')
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"')
  })

  test('the summary is the opening text, cut at a word', () => {
    const doc = ArticleDocument.parse({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '첫 문단입니다.' }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: '둘째 문단은 아주 길게 이어지는 문장입니다.' }],
        },
      ],
    })
    expect(documentText(doc)).toBe('첫 문단입니다.\n\n둘째 문단은 아주 길게 이어지는 문장입니다.')
    expect(summarize(documentText(doc), 20)).toBe('첫 문단입니다. 둘째 문단은 아주…')
  })

  test('a body opening with a photo is described by its text, never by the caption', () => {
    const doc = ArticleDocument.parse({
      type: 'doc',
      content: [
        { type: 'photo', attrs: { photoId: 1, caption: '시청 앞 광장 모습', credit: '사진=김기자' } },
        { type: 'paragraph', content: [{ type: 'text', text: '시가 광장을 새로 꾸민다.' }] },
      ],
    })
    expect(summarize(documentText(doc, { captions: false }))).toBe('시가 광장을 새로 꾸민다.')
    expect(documentText(doc)).toContain('시청 앞 광장 모습')
  })
})
