// Press release files written here, byte by byte, as Word and Hangul would save them (trimmed to
// what the readers look at): a .docx (WordprocessingML) and an .hwpx (OWPML), both zips.
import JSZip from 'jszip'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const run = (text: string, bold = false) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
const para = (inner: string, style?: string, list = false) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${list ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr>${inner}</w:p>`

/** A Word press release: title, a paragraph with bold and a link, a bulleted list, a table. */
export async function pressReleaseDocx(): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  )
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gg.go.kr/press" TargetMode="External"/></Relationships>`,
  )
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
  )
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  )
  const body = [
    para(run('경기도, 어르신 무료 버스 확대'), 'Heading1'),
    para(
      `${run('경기도는 ')}${run('만 70세 이상', true)}${run(' 어르신의 시내버스 요금을 내년부터 지원한다. 자세한 내용은 ')}<w:hyperlink r:id="rIdLink">${run('경기도 누리집')}</w:hyperlink>${run('에서 볼 수 있다.')}`,
    ),
    para(run('지원 배경'), 'Heading2'),
    para(run('대상: 도내 거주 만 70세 이상'), undefined, true),
    para(run('기간: 2027년 1월부터'), undefined, true),
    `<w:tbl><w:tr><w:tc>${para(run('구분'))}</w:tc><w:tc>${para(run('인원'))}</w:tc></w:tr><w:tr><w:tc>${para(run('수원'))}</w:tc><w:tc>${para(run('9만 명'))}</w:tc></w:tr></w:tbl>`,
  ].join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'nodebuffer' })
}

const HP = 'http://www.hancom.co.kr/hwpml/2011/paragraph'
const HC = 'http://www.hancom.co.kr/hwpml/2011/core'
const hp = (text: string) => `<hp:p><hp:run><hp:t>${text}</hp:t></hp:run></hp:p>`

/** A Hangul press release: title paragraph, body paragraphs, a table and a picture. */
export async function pressReleaseHwpx(picture: Buffer): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/hwp+zip')
  zip.file(
    'Contents/content.hpf',
    `<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/><opf:item id="image1" href="BinData/image1.jpg" media-type="image/jpeg"/></opf:manifest></opf:package>`,
  )
  const table = `<hp:p><hp:run><hp:tbl><hp:tr><hp:tc><hp:subList>${hp('구분')}</hp:subList></hp:tc><hp:tc><hp:subList>${hp('예산')}</hp:subList></hp:tc></hp:tr><hp:tr><hp:tc><hp:subList>${hp('2027년')}</hp:subList></hp:tc><hp:tc><hp:subList>${hp('120억 원')}</hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>`
  const picturePara = `<hp:p><hp:run><hp:pic><hc:img binaryItemIDRef="image1"/></hp:pic></hp:run></hp:p>`
  zip.file(
    'Contents/section0.xml',
    `<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="${HP}" xmlns:hc="${HC}">${hp('부산시, 해상 관광버스 운행 시작')}${hp('부산시는 다음 달부터 해운대와 영도를 잇는 해상 관광버스를 운행한다고 밝혔다.')}${table}${picturePara}${hp('문의: 부산시 관광진흥과')}</hs:sec>`,
  )
  zip.file('BinData/image1.jpg', picture)
  return zip.generateAsync({ type: 'nodebuffer' })
}
