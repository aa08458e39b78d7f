// .docx through mammoth: Word's styles map to semantic HTML (Heading 1 → h1, lists, tables,
// bold, italic, links); images come out as data: URIs that the caller stores as photos.

export async function readDocx(data: Buffer): Promise<string> {
  // Loaded on the first drop: mammoth and its zip and XML libraries are megabytes a reader-
  // serving process never needs.
  const { default: mammoth } = await import('mammoth')
  const result = await mammoth.convertToHtml({ buffer: data })
  return result.value
}
