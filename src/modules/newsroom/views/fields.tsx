// One labelled form field with its message beside it: a refused form comes back with what
// was typed and the reason at the field (aria-invalid and aria-describedby for screen readers).
export function Field(props: {
  name: string
  label: string
  value?: string
  error?: string | undefined
  type?: 'text' | 'email' | 'tel' | 'password' | 'url'
  required?: boolean
  autocomplete?: string
  multiline?: boolean
  maxLength?: number
}) {
  const errorId = `${props.name}-error`
  const common = {
    id: props.name,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': props.error ? errorId : undefined,
    maxLength: props.maxLength,
  }
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          // Preact types each input type separately; these five share every attribute used here.
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
        />
      )}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  )
}
