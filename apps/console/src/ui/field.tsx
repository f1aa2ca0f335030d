import type { ComponentChildren, JSX } from 'preact'
import { useId } from 'preact/hooks'

type Described = {
  label: string
  hint?: ComponentChildren
  /** The API's message for this field, shown under it and tied to it for screen readers. */
  error?: string | undefined
}

function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function Help({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  )
}

type InputProps = Described &
  Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'onInput' | 'value'> & {
    value: string
    onValue(value: string): void
  }

/** A labelled text input. */
export function TextField({ label, hint, error, value, onValue, ...input }: InputProps) {
  const id = useId()
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <Help id={id} hint={hint} error={error} />
    </div>
  )
}

type AreaProps = Described &
  Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'label' | 'onInput' | 'value'> & {
    value: string
    onValue(value: string): void
  }

/** A labelled multi-line input. */
export function TextArea({ label, hint, error, value, onValue, ...area }: AreaProps) {
  const id = useId()
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
      <Help id={id} hint={hint} error={error} />
    </div>
  )
}

type SelectProps<T extends string> = Described & {
  value: T
  // The choice's type comes from `value` alone: options' literals would widen it to string.
  onValue(value: NoInfer<T>): void
  options: readonly { value: NoInfer<T>; label: string }[]
  disabled?: boolean
  name?: string
}

/** A labelled choice of a few values. */
export function SelectField<T extends string>({
  label,
  hint,
  error,
  value,
  onValue,
  options,
  ...rest
}: SelectProps<T>) {
  const id = useId()
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value as T)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Help id={id} hint={hint} error={error} />
    </div>
  )
}

/** A labelled yes/no. */
export function CheckboxField({
  label,
  hint,
  error,
  checked,
  onChecked,
  disabled,
}: Described & { checked: boolean; onChecked(checked: boolean): void; disabled?: boolean }) {
  const id = useId()
  return (
    <div class="field field-checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChecked(e.currentTarget.checked)}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label for={id}>{label}</label>
      <Help id={id} hint={hint} error={error} />
    </div>
  )
}

/** The form's own error (one not about a field), announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  return (
    <div role="alert" class={message ? 'form-error' : 'visually-hidden'}>
      {message}
    </div>
  )
}
