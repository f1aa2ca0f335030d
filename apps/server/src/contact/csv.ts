// CSV that spreadsheets open safely. A cell starting with =, +, -, @ (or a tab or carriage
// return) would be run as a formula by Excel, LibreOffice and Google Sheets, so such cells get a
// leading apostrophe, as OWASP recommends for CSV injection; every cell is quoted.

const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
