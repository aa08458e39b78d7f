// 출고 전 점검 as a reporter and the desk see it in the editor: the headline count, a photo
// without credit or alt text, an address without http://, and a near-duplicate of an
// article published this week, linked. A warning never stops the request to the desk.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../src/testing/dialects.js'
import { section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar, smallJpeg } from './newsroom-fixtures.js'

const story = [
  '인구감소지역에 교육과 의료 분야 특례를 주는 내용의 지방소멸 대응 특별법 개정안이 국회 본회의를 통과했다.',
  '개정안은 재석 의원 과반의 찬성으로 가결됐으며 공포 후 6개월이 지나면 시행된다.',
  '지방소멸대응기금 배분 방식도 바뀐다. 앞으로는 사업 성과 평가 결과를 일정 비율 반영한다.',
]
const resent = [story[2], story[0]!.replace('통과했다', '넘었다'), story[1]].join(' ')
const paragraphs = (texts: string[]) =>
  texts.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }))

for (const dialect of await testDialects()) {
  describe(`${dialect}: checks before publishing`, () => {
    let app: TestApp
    let reporter: Jar
    let reporterId: number
    let sectionId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2026-03-10T01:00:00Z' })
      sectionId = await section(app, 'politics', '정치')
      reporterId = await createStaff(app, { email: 'kim@example.kr', name: '김기자', role: 'reporter' })
      reporter = await loginJar(app, 'kim@example.kr')
    })
    afterAll(() => app.cleanup())

    const panel = async (id: number) => {
      const res = await app.http.inject({
        url: `/newsroom/articles/${id}/checks`,
        headers: { cookie: reporter.cookie },
      })
      expect(res.statusCode).toBe(200)
      return res.body
    }

    test('a clean article shows only the headline count', async () => {
      const id = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '짧은 제목',
          body: { type: 'doc', content: paragraphs(['본문입니다.']) },
          reporterIds: [reporterId],
        },
        reporterId,
      )
      const html = await panel(id)
      expect(html).toContain('제목 5자')
      expect(html).toContain('점검에서 걸린 것이 없습니다.')
    })

    test('long headline, uncredited photo, bare address and a re-sent story are flagged', async () => {
      const original = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '특별법 개정안 본회의 통과',
          body: { type: 'doc', content: paragraphs(story) },
          reporterIds: [reporterId],
        },
        reporterId,
      )
      await app.services.desk.publishArticle(original)
      const photo = await app.services.media.storePhoto(await smallJpeg(60, 40), { caption: '국회' })
      const id = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '지방소멸 대응 특별법 개정안 국회 본회의 통과… 인구감소지역에 교육·의료 특례',
          body: {
            type: 'doc',
            content: [
              { type: 'photo', attrs: { photoId: photo.id } },
              ...paragraphs([resent, '자세한 내용은 www.example.go.kr 에서 볼 수 있다.']),
            ],
          },
          reporterIds: [reporterId],
        },
        reporterId,
      )
      const html = await panel(id)
      expect(html).toMatch(/제목이 \d+자로 포털 목록에서 30자 뒤가 잘릴 수 있습니다/)
      expect(html).toContain('사진 1에 출처(사진=…)가 없습니다.')
      expect(html).toContain('사진 1에 대체 텍스트(사진 설명)가 없습니다.')
      expect(html).toContain('www.example.go.kr')
      expect(html).toContain(`href="/news/${original}"`)
      expect(html).toContain('특별법 개정안 본회의 통과')

      // The editor shows the same panel; a warning does not stop 출고 요청.
      const editor = await app.http.inject({
        url: `/newsroom/articles/${id}/edit`,
        headers: { cookie: reporter.cookie },
      })
      expect(editor.body).toContain('id="publish-checks"')
      const submitted = await app.http.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}/submit`,
        headers: { cookie: reporter.cookie },
        payload: { _csrf: reporter.csrf },
      })
      expect(submitted.statusCode).toBe(303)
    })

    test('a past schedule time is refused with a Korean reason instead of publishing at once', async () => {
      await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
      const desk = await loginJar(app, 'desk@example.kr')
      const id = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '예약 기사',
          body: { type: 'doc', content: paragraphs(['본문']) },
          reporterIds: [reporterId],
        },
        reporterId,
      )
      const res = await app.http.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}/approve`,
        headers: { cookie: desk.cookie, accept: 'text/html' },
        payload: { grade: 'normal', publishAt: '2026-03-09T09:00', _csrf: desk.csrf },
      })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('예약 시각이 이미 지났습니다.')
      const editor = await app.http.inject({
        url: `/newsroom/articles/${id}/edit`,
        headers: { cookie: desk.cookie },
      })
      expect(editor.body).toContain('작성 중')
    })
  })
}
