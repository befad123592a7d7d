import type { ReactNode } from 'react'

interface SearchFieldProps {
  label: string
  value: string
  placeholder?: string
  onChange: (value: string) => void
}

/** A labelled search box; the cap matches the URL state's, so nothing typed is ever dropped. */
export function SearchField({ label, value, placeholder, onChange }: SearchFieldProps) {
  return (
    <label className="filter filter-search">
      <span>{label}</span>
      <input
        type="search"
        value={value}
        placeholder={placeholder}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  )
}

export interface Choice<T extends string> {
  value: T
  label: string
}

interface SelectFieldProps<T extends string> {
  label: string
  value: T
  choices: readonly Choice<T>[]
  onChange: (value: T) => void
}

/** A labelled select whose values are a closed set; the browser only ever offers those. */
export function SelectField<T extends string>({
  label,
  value,
  choices,
  onChange,
}: SelectFieldProps<T>) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The filter bar: a form that never submits. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form className="filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {children}
    </form>
  )
}
