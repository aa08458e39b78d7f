import { describe, expect, it } from 'vitest'
import { ArticleDocument, documentText } from '../articles/index.js'
import { htmlToBlocks, htmlToDocument, splitCredit } from './html-to-document.js'
import { wordpressContentToHtml } from './wordpress/wordpress-content.js'

const noImages = async () => null

describe('htmlToDocument', () => {
  it('keeps paragraphs, headings, lists, quotes, links and emphasis', async () => {
    const doc = await htmlToDocument(
      `<h2>제목</h2><p>첫 <strong>굵게</strong> <em>기울임</em> <a href="https://example.com/a">링크</a></p>
       <ul><li>하나</li><li>둘<ul><li>셋</li></ul></li></ul>
       <blockquote><p>인용문</p><cite>홍길동</cite></blockquote><hr>`,
      noImages,
    )
    expect(ArticleDocument.parse(doc)).toEqual(doc)
    expect(doc.content.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'blockquote',
      'horizontalRule',
    ])
    expect(doc.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '첫 ' },
        { type: 'text', text: '굵게', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: '기울임', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: '링크', marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }] },
      ],
    })
    expect(documentText(doc)).toContain('셋')
    expect(doc.content[3]).toMatchObject({ attrs: { cite: '홍길동' } })
  })

  it('never loses text the schema cannot hold', async () => {
    const html = `<table><tr><th>품목</th><th>가격</th></tr><tr><td>삼겹살</td><td>2만원</td></tr></table>
      <div><span style="color:red">빨간 글씨</span><script>alert(1)</script></div>
      <pre>줄 하나
줄 둘</pre><p><a href="javascript:alert(1)">위험한 링크</a></p>`
    const doc = await htmlToDocument(html, noImages)
    expect(ArticleDocument.parse(doc)).toEqual(doc)
    const text = documentText(doc)
    for (const word of ['품목 | 가격', '삼겹살 | 2만원', '빨간 글씨', '줄 하나', '줄 둘', '위험한 링크']) {
      expect(text).toContain(word)
    }
    expect(text).not.toContain('alert')
    expect(JSON.stringify(doc)).not.toContain('javascript:')
  })

  it('turns images into photos through the resolver and YouTube links into embeds', async () => {
    const doc = await htmlToDocument(
      `<p>앞<img src="/a.jpg" alt="대체" class="wp-image-7">뒤</p>
       <figure><img src="/b.jpg"><figcaption>없는 사진. 사진=홍길동 기자</figcaption></figure>
       <p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>`,
      async (ref) => (ref.attachmentId === 7 ? 42 : null),
    )
    expect(ArticleDocument.parse(doc)).toEqual(doc)
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '앞' }] },
      { type: 'photo', attrs: { photoId: 42, caption: null, credit: null, alt: '대체' } },
      { type: 'paragraph', content: [{ type: 'text', text: '뒤' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '없는 사진. 사진=홍길동 기자' }] },
      { type: 'youtube', attrs: { videoId: 'dQw4w9WgXcQ' } },
    ])
  })

  it('splits the credit off a Korean caption', () => {
    expect(splitCredit('청주캠퍼스 전경. 사진=김서연 기자')).toEqual({
      caption: '청주캠퍼스 전경.',
      credit: '사진=김서연 기자',
    })
    expect(splitCredit('사진=무심FC 제공')).toEqual({ caption: null, credit: '사진=무심FC 제공' })
    expect(splitCredit('자료사진')).toEqual({ caption: '자료사진', credit: null })
  })
})

describe('WordPress classic content', () => {
  it('adds the paragraphs wpautop would and reads caption shortcodes', () => {
    const html = wordpressContentToHtml(
      '첫 문단\n둘째 줄\n\n[caption id="attachment_11" width="1024"]<img class="wp-image-11" src="x-1024x683.jpg" alt="대체" /> 설명 사진=기자[/caption]\n\n마지막',
    )
    const blocks = htmlToBlocks(html)
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'image', 'paragraph'])
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '첫 문단' }, { type: 'hardBreak' }, { type: 'text', text: '둘째 줄' }],
    })
    expect(blocks[1]).toMatchObject({ ref: { attachmentId: 11, caption: '설명 사진=기자', alt: '대체' } })
  })
})

describe('galleries, tables and credits of Korean captions', () => {
  it('keeps every image of a figure of figures with its own caption, then the gallery caption', () => {
    const blocks = htmlToBlocks(
      '<figure class="wp-block-gallery"><figure><img class="wp-image-1" src="a.jpg"><figcaption>첫째</figcaption></figure><figure><img class="wp-image-2" src="b.jpg"><figcaption>둘째</figcaption></figure><figcaption>모두</figcaption></figure>',
    )
    expect(blocks.map((b) => (b.type === 'image' ? b.ref.caption : b.type))).toEqual([
      '첫째',
      '둘째',
      'paragraph',
    ])
  })

  it('turns an HTML table into the schema table, header cells kept as such', async () => {
    const doc = await htmlToDocument(
      '<table><thead><tr><th>구분</th><th>값</th></tr></thead><tbody><tr><td>가</td><td><strong>1</strong></td></tr></tbody></table>',
      noImages,
    )
    expect(ArticleDocument.safeParse(doc).success).toBe(true)
    const table = doc.content[0]
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.content.map((row) => row.content.map((cell) => cell.type))).toEqual([
      ['tableHeader', 'tableHeader'],
      ['tableCell', 'tableCell'],
    ])
    expect(documentText(doc)).toBe('구분 | 값\n가 | 1')
  })

  it('finds the credit in brackets or after a slash', () => {
    expect(splitCredit('시장 모습 (사진=다온시 제공)')).toEqual({
      caption: '시장 모습',
      credit: '사진=다온시 제공',
    })
    expect(splitCredit('주문 화면. /사진=상인연합회')).toEqual({
      caption: '주문 화면.',
      credit: '사진=상인연합회',
    })
  })
})
