// A press release file (DOCX, HWPX) dropped on the editor, or picked with the file field,
// becomes a new draft that then opens. The article being edited is left exactly as it was; a
// refused file (a binary HWP, a damaged one) is reported beside the field and read out.
const PRESS_RELEASE = /\.(docx|hwpx|hwp)$/i

export const isPressRelease = (file: File) => PRESS_RELEASE.test(file.name)

export function setupImport(deps: { csrf: string; messages: Record<string, string> }) {
  const status = document.querySelector<HTMLElement>('#import-status')
  const field = document.querySelector<HTMLInputElement>('#import-file')
  const sectionOf = () => document.querySelector<HTMLSelectElement>('#section')?.value ?? ''

  async function importFile(file: File) {
    if (status) {
      status.dataset.state = 'working'
      status.textContent = deps.messages.importWorking ?? ''
    }
    const body = new FormData()
    body.append('sectionId', sectionOf())
    body.append('file', file)
    const res = await fetch('/newsroom/articles/import', {
      method: 'POST',
      headers: { 'x-csrf-token': deps.csrf, accept: 'application/json' },
      body,
    }).catch(() => null)
    const json = (await res?.json().catch(() => ({}))) as { url?: string; errors?: { message?: string }[] }
    if (res?.ok && json.url) {
      location.assign(json.url)
      return
    }
    if (status) {
      status.dataset.state = 'error'
      status.textContent = json.errors?.[0]?.message || deps.messages.importFailed || ''
    }
  }

  field?.addEventListener('change', () => {
    const file = field.files?.[0]
    if (file) void importFile(file)
  })
  return { importFile }
}
