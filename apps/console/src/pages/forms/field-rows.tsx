import { strings } from '../../strings/index.ts'
import { CheckboxField, SelectField, TextField } from '../../ui/field.tsx'
import { type FieldRow, newFieldRow } from './form-draft.ts'

/** The form's fields as rows: name, label, type, required, longest value; add and remove. */
export function FieldRows({
  rows,
  onRows,
  errors,
  disabled,
}: {
  rows: FieldRow[]
  onRows(rows: FieldRow[]): void
  errors: Record<string, string>
  disabled: boolean
}) {
  const t = strings.formEditor
  const change = (key: string, patch: Partial<FieldRow>) =>
    onRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  return (
    <>
      <ol class="field-rows">
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset disabled={disabled}>
              <legend>{t.fieldRow(index + 1)}</legend>
              <div class="field-row-grid">
                <TextField
                  label={t.fieldName}
                  value={row.name}
                  onValue={(name) => change(row.key, { name })}
                  autoComplete="off"
                  spellcheck={false}
                  error={errors[`settings.fields.${row.name.trim()}`]}
                />
                <TextField
                  label={t.fieldLabel}
                  value={row.label}
                  onValue={(label) => change(row.key, { label })}
                />
                <SelectField
                  label={t.fieldType}
                  value={row.type}
                  onValue={(type) => change(row.key, { type })}
                  options={[
                    { value: 'text', label: t.typeText },
                    { value: 'email', label: t.typeEmail },
                  ]}
                />
                <TextField
                  label={t.fieldMaxLength}
                  type="number"
                  min={1}
                  value={row.maxLength}
                  onValue={(maxLength) => change(row.key, { maxLength })}
                />
                <CheckboxField
                  label={t.fieldRequired}
                  checked={row.required}
                  onChecked={(required) => change(row.key, { required })}
                />
                <button
                  type="button"
                  class="button button-small"
                  aria-label={t.removeField(row.name)}
                  onClick={() => onRows(rows.filter((r) => r.key !== row.key))}
                >
                  {strings.actions.remove}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" class="button" onClick={() => onRows([...rows, newFieldRow()])}>
          {t.addField}
        </button>
      )}
    </>
  )
}
