// .docx through mammoth: Word's styles map to semantic HTML (Heading 1 → h1, lists, tables,
// bold, italic, links); images come out as data: URIs that the caller stores as photos.
import mammoth from 'mammoth'

export async function readDocx(data: Buffer): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: data })
  return result.value
}
