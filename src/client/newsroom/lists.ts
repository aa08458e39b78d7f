// The desk queue's 전체 선택: one box ticks or clears every article on the page for 일괄 승인.
// Without scripts the box stays hidden and each row is ticked on its own.
const all = document.querySelector<HTMLInputElement>('#select-all')
const boxes = () => [...document.querySelectorAll<HTMLInputElement>('input[name=ids][form=bulk-approve]')]

if (all) {
  const label = all.closest('label')
  if (label) label.hidden = false
  all.addEventListener('change', () => {
    for (const box of boxes()) box.checked = all.checked
  })
  document.addEventListener('change', (event) => {
    if (event.target === all || !boxes().includes(event.target as HTMLInputElement)) return
    const list = boxes()
    all.checked = list.every((b) => b.checked)
    all.indeterminate = !all.checked && list.some((b) => b.checked)
  })
}
