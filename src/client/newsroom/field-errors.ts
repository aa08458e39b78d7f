// A save the server refused names the field that failed: its reason is shown right under that
// control (not only in the status line under the body, off-screen on a phone), the control is
// marked invalid and described by the reason, and the page scrolls to it and focuses it, so a
// screen reader reads the reason out where the fix is to be made.
const CONTROLS: Record<string, string> = {
  headline: '#headline',
  subheadline: '#subheadline',
  body: '#body-editor',
  sectionId: '#section',
  reporterIds: '#article-reporters',
  tags: '#tags',
  relatedIds: '#related',
  leadPhotoId: '#lead-photo',
  correctionNote: '#correction-note',
}

export function setupFieldErrors() {
  const shown: { control: HTMLElement; note: HTMLElement; describedBy: string | null }[] = []
  return {
    show(field: string, reason: string) {
      const control = document.querySelector<HTMLElement>(CONTROLS[field] ?? CONTROLS.body!)
      if (!control) return
      const note = document.createElement('p')
      note.className = 'field-error'
      note.id = `error-${field}`
      note.setAttribute('role', 'alert')
      note.textContent = reason
      control.insertAdjacentElement('afterend', note)
      const describedBy = control.getAttribute('aria-describedby')
      // The body's editable part is the ProseMirror element inside the holder.
      const target = control.querySelector<HTMLElement>('[contenteditable]') ?? control
      target.setAttribute('aria-invalid', 'true')
      target.setAttribute('aria-describedby', [describedBy, note.id].filter(Boolean).join(' '))
      shown.push({ control: target, note, describedBy })
      control.scrollIntoView({ block: 'center' })
      target.focus({ preventScroll: true })
    },
    clear() {
      for (const { control, note, describedBy } of shown.splice(0)) {
        note.remove()
        control.removeAttribute('aria-invalid')
        if (describedBy) control.setAttribute('aria-describedby', describedBy)
        else control.removeAttribute('aria-describedby')
      }
    },
  }
}
