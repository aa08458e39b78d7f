// The near-duplicate check as the desk meets it: the same story sent again with its sentences
// shuffled and a few words changed is flagged; another article on the same topic is not, and no
// two articles of the demo corpus flag each other (the false-flag rate stated in ADR 029).
import { describe, expect, test } from 'vitest'
import { demoArticles } from '../../demo/index.js'
import { DUPLICATE_THRESHOLD, nearDuplicates, shinglesOf, similarity } from './near-duplicate.js'

const original = [
  '인구감소지역에 교육과 의료 분야 특례를 주는 내용의 지방소멸 대응 특별법 개정안이 국회 본회의를 통과했다.',
  '개정안은 재석 의원 과반의 찬성으로 가결됐으며 공포 후 6개월이 지나면 시행된다.',
  '지방소멸대응기금 배분 방식도 바뀐다. 지금까지는 인구 지표 위주로 기금을 나눴지만 앞으로는 사업 성과 평가 결과를 일정 비율 반영한다.',
  '여야는 법안 처리 과정에서 큰 이견을 보이지 않았다.',
]

// The same story re-sent: sentence order changed and a few words reworded.
const resent = [
  original[2]!.replace('바뀐다', '달라진다'),
  original[0]!.replace('통과했다', '넘었다'),
  '여야는 법안을 처리하면서 별다른 이견을 보이지 않았다.',
  original[1]!.replace('6개월이', '반년이'),
].join(' ')

// Same topic, same law, different story: names and terms overlap, the sentences do not.
const sameTopic = [
  '지방소멸 대응 특별법 개정안 통과를 두고 인구감소지역 군수들은 기대와 우려를 함께 내놨다.',
  '한 군수는 학교 통폐합 기준이 완화되면 읍내 초등학교를 지킬 수 있게 됐다며 반겼다.',
  '반면 다른 군수는 기금 배분에 성과 평가가 들어가면 행정 인력이 부족한 작은 군이 불리해진다고 지적했다.',
  '전문가들은 국회가 후속 입법으로 재정 지원 방식을 보완해야 한다고 입을 모았다.',
].join(' ')

const demoText = (a: (typeof demoArticles)[number]) =>
  [
    a.headline,
    a.subheadline,
    ...a.body.map((b) => (typeof b === 'string' ? b : 'heading' in b ? b.heading : b.quote)),
  ].join('\n')

describe('near-duplicate check', () => {
  test('the same story reordered and reworded is flagged, with the other article named', () => {
    const matches = nearDuplicates(resent, [
      { id: 7, headline: '특별법 개정안 본회의 통과', text: original.join(' ') },
      { id: 8, headline: '군수들 기대와 우려', text: sameTopic },
    ])
    expect(matches.map((m) => m.id)).toEqual([7])
    expect(matches[0]!.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD)
  })

  test('an article on the same topic is not flagged', () => {
    expect(nearDuplicates(sameTopic, [{ id: 7, headline: '원래 기사', text: original.join(' ') }])).toEqual(
      [],
    )
  })

  test('no two demo articles flag each other', () => {
    const sets = demoArticles.map((a) => shinglesOf(demoText(a)))
    let flagged = 0
    let pairs = 0
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        pairs++
        if (similarity(sets[i]!, sets[j]!) >= DUPLICATE_THRESHOLD) flagged++
      }
    }
    expect(pairs).toBeGreaterThan(1000)
    expect(flagged).toBe(0)
  })

  test('a short brief is never compared (too few letters to judge)', () => {
    expect(nearDuplicates('속보 국회 통과', [{ id: 1, headline: '속보', text: '속보 국회 통과' }])).toEqual(
      [],
    )
  })
})
